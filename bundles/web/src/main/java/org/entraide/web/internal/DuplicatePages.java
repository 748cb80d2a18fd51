package org.entraide.web.internal;

import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A question closed as a duplicate: its page names the original first (its answers and votes stay below), and
 * moderators, brand admins and members with reputation's close-duplicate privilege close a question from its page,
 * giving the original's number or address.
 */
final class DuplicatePages extends PageSupport {
    DuplicatePages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /**
     * Adds the question's original (when it is a duplicate) and whether the visitor may close it, to its model: both
     * come with the question as the API answers it for the visitor.
     */
    static void describe(JsonNode question, Visit visit, Map<String, Object> model) {
        if (question.path("duplicateOf").isObject()) {
            model.put("original", Models.plain(question.path("duplicateOf"), visit));
        } else {
            model.put("mayCloseAsDuplicate", question.path("mayCloseAsDuplicate").asBoolean(false));
        }
    }

    WebReply close(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        // "123", "#123" or the original's address: its number is what counts
        String typed = visit.request.field("original");
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("(?:questions/)?#?([0-9]{1,18})(?:[/?#].*)?$")
            .matcher(typed == null ? "" : typed.strip());
        if (!number.find()) {
            return message(visit, brand, 400, "duplicate.invalid");
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/questions/" + id + "/duplicate", visit.token(),
            Map.of("originalId", Long.parseLong(number.group(1))));
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "duplicate.refused",
                "detail", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/questions/" + id);
    }
}
