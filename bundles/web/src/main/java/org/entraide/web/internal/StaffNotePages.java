package org.entraide.web.internal;

import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brand's official note on an answer, written from the question's page by its admins (the API decides who may:
 * members and moderators get its 403). The form names the question, so that the page it answers is the thread.
 */
final class StaffNotePages extends PageSupport {
    StaffNotePages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** Whether the visitor may write staff notes on a question's page: the brand's admins. */
    static void describe(Visit visit, Map<String, Object> model) {
        Member me = visit.member();
        model.put("mayNote", me != null && me.has("BRAND_ADMIN"));
    }

    WebReply save(Visit visit, JsonNode brand, Matcher path) {
        long answer = Long.parseLong(path.group(2));
        String body = visit.request.raw("body").strip();
        if (body.isEmpty() || body.length() > 2000) {
            return message(visit, brand, 400, "staffnote.invalid");
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/posts/" + answer + "/staff-note", visit.token(),
            Map.of("body", body));
        return answered(visit, brand, a, answer);
    }

    WebReply remove(Visit visit, JsonNode brand, Matcher path) {
        long answer = Long.parseLong(path.group(2));
        ApiClient.Answer a = api.call("DELETE", brandPath(visit) + "/posts/" + answer + "/staff-note", visit.token(), null);
        return answered(visit, brand, a, answer);
    }

    private WebReply answered(Visit visit, JsonNode brand, ApiClient.Answer a, long answer) {
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "staffnote.refused",
                "detail", PostForms.refusal(a, visit)));
        }
        String question = visit.request.field("question");
        return WebReply.seeOther(visit.base() + (question.matches("[0-9]{1,18}") ? "/questions/" + question : "")
            + "#answer-" + answer);
    }
}
