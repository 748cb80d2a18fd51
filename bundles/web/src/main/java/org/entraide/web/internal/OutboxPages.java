package org.entraide.web.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brand's e-mail outbox for its admins: what members were sent (or, without an SMTP server, what they would
 * have been sent), never to whom, so that the page ties no complaint to its complainant.
 */
final class OutboxPages extends PageSupport {
    private static final int SIZE = 50;

    OutboxPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply list(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        int page = pageNumber(visit, SIZE);
        JsonNode found = api.optional(brandPath(visit) + "/mail/outbox?size=" + SIZE + "&page=" + page, visit.token());
        if (found == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("items", Models.list(found, visit));
        model.put("page", page);
        model.put("hasPrev", page > 1);
        model.put("hasNext", (long) page * SIZE < found.path("total").asLong());
        return render(visit, brand, 200, "outbox", model);
    }

    WebReply message(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        JsonNode mail = api.optional(brandPath(visit) + "/mail/outbox/" + Long.parseLong(path.group(2)), visit.token());
        if (mail == null) {
            return notFound(visit);
        }
        return render(visit, brand, 200, "outbox-message", Map.of("mail", Models.plain(mail, visit)));
    }
}
