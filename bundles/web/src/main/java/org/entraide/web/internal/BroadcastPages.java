package org.entraide.web.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brand admins' broadcasts (notifications capability): a form to tell the followers of a topic or a store
 * something, and the broadcasts already made. Each form shown carries its own request id, which the API keeps: the
 * same form submitted twice (a double click, a reload of the answer) broadcasts once.
 */
final class BroadcastPages extends PageSupport {
    private static final int SIZE = 20;

    BroadcastPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply page(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        Map<String, Object> form = new HashMap<>(Map.of("scope", "topic", "key", "", "title", "", "text", ""));
        String done = visit.request.param("done");
        Map<String, Object> extra = new HashMap<>();
        extra.put("done", "1".equals(done));
        extra.put("recipients", number(visit.request.param("recipients") == null ? "" : visit.request.param("recipients")));
        return show(visit, brand, 200, form, Map.of(), "", extra);
    }

    WebReply send(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        String scope = "store".equals(visit.request.field("scope")) ? "store" : "topic";
        String key = visit.request.field(scope + "Key"); // one list of topics, one of stores
        Map<String, Object> form = new HashMap<>(Map.of("scope", scope, "key", key, "title", visit.request.field("title"),
            "text", visit.request.raw("text") == null ? "" : visit.request.raw("text")));
        String requestId = visit.request.field("requestId");
        Map<String, Object> body = new HashMap<>(Map.of("scope", scope, "key", key, "title", form.get("title"),
            "text", form.get("text")));
        if (!requestId.isEmpty()) {
            body.put("requestId", requestId);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/notifications/broadcasts", visit.token(), body);
        if (!a.ok()) {
            Map<String, String> errors = new HashMap<>();
            for (JsonNode e : a.body().path("errors")) {
                String field = e.path("field").asText();
                errors.putIfAbsent("key".equals(field) ? scope + "Key" : field, e.path("message").asText());
            }
            // the same request id again: what was typed is kept, and corrected it is still one broadcast
            return show(visit, brand, a.status() == 400 ? 422 : a.status(), form, errors,
                errors.isEmpty() ? PostForms.refusal(a, visit) : "", requestId.isEmpty() ? Map.of() : Map.of("requestId", requestId));
        }
        return WebReply.seeOther(visit.base() + "/admin/broadcasts?done=1&recipients=" + a.body().path("recipients").asInt());
    }

    private WebReply show(Visit visit, JsonNode brand, int status, Map<String, Object> form, Map<String, String> errors,
                          String refusal, Map<String, Object> extra) {
        int page = pageNumber(visit);
        JsonNode past = api.optional(brandPath(visit) + "/notifications/broadcasts?size=" + SIZE + "&page=" + page, visit.token());
        if (past == null) {
            return notFound(visit); // notifications are off for this brand
        }
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("refusal", refusal);
        model.put("done", false);
        model.put("recipients", null);
        model.put("requestId", UUID.randomUUID().toString());
        model.put("topics", Models.list(api.get(brandPath(visit) + "/topics"), visit));
        model.put("stores", Models.list(api.get(brandPath(visit) + "/stores?size=100"), visit));
        model.put("items", Models.list(past, visit));
        model.put("page", page);
        model.put("hasPrev", page > 1);
        model.put("hasNext", (long) page * SIZE < past.path("total").asLong());
        model.putAll(extra);
        model.values().removeIf(java.util.Objects::isNull);
        return render(visit, brand, status, "broadcasts", model);
    }
}
