package org.entraide.web.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drafts of the ask, answer and complaint forms, kept on the server for signed-in members: a "save draft" button
 * (no JavaScript needed), the draft put back in the empty form the next time, dropped once the post is sent. The
 * small script {@code drafts-2.js} also keeps the text in the browser as it is typed and saves it here every few
 * seconds through {@link #saveFromScript}.
 */
final class DraftForms extends PageSupport {
    static final String ACTION = "draft";
    static final String QUESTION = "question";
    static final String COMPLAINT = "complaint";
    /** The form fields kept besides title and body. */
    private static final List<String> FIELDS = List.of("topic", "tags", "storeCode", "showPseudonym");

    DraftForms(ApiClient api, Templates templates) {
        super(api, templates);
    }

    static String answerKey(long questionId) {
        return "answer-" + questionId;
    }

    static boolean saving(Visit visit) {
        return ACTION.equals(visit.request.field("action"));
    }

    /**
     * The form with the member's draft put back, when the form is still empty; {@code null} when there is none to
     * restore (anonymous, a form already filled, no draft).
     */
    Map<String, String> restore(Visit visit, String key, Map<String, String> form) {
        if (!visit.signedIn() || !form.getOrDefault("title", "").isEmpty() || !form.getOrDefault("body", "").isEmpty()) {
            return null;
        }
        JsonNode draft = api.optional(brandPath(visit) + "/me/drafts/" + key, visit.token());
        if (draft == null) {
            return null;
        }
        Map<String, String> restored = new HashMap<>(form);
        restored.put("title", draft.path("title").asText(""));
        restored.put("body", draft.path("body").asText(""));
        draft.path("fields").fields().forEachRemaining(e -> {
            if (FIELDS.contains(e.getKey()) && restored.containsKey(e.getKey())) {
                restored.put(e.getKey(), e.getValue().asText(""));
            }
        });
        return restored;
    }

    /** Saves the form as the member's draft; whether it was kept. */
    boolean save(Visit visit, String key, Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        String title = form.getOrDefault("title", "");
        body.put("title", title.length() > PostForms.TITLE_MAX ? title.substring(0, PostForms.TITLE_MAX) : title);
        String text = form.getOrDefault("body", "");
        body.put("body", text.length() > PostForms.BODY_MAX ? text.substring(0, PostForms.BODY_MAX) : text);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : FIELDS) {
            String value = form.get(name);
            if (value != null && !value.isEmpty() && value.length() <= 300) {
                fields.put(name, value);
            }
        }
        body.put("fields", fields);
        return api.call("PUT", brandPath(visit) + "/me/drafts/" + key, visit.token(), body).ok();
    }

    /** Once the post is sent, its draft goes. */
    void drop(Visit visit, String key) {
        if (visit.signedIn()) {
            api.call("DELETE", brandPath(visit) + "/me/drafts/" + key, visit.token(), null);
        }
    }

    /** The script's save while typing: 204 when kept, the API's status otherwise; never a page. */
    WebReply saveFromScript(Visit visit, JsonNode brand, Matcher path) {
        String key = path.group(2);
        Map<String, String> form = new HashMap<>();
        form.put("title", visit.request.field("title"));
        form.put("body", visit.request.raw("body"));
        for (String name : FIELDS) {
            form.put(name, visit.request.field(name));
        }
        return WebReply.empty(save(visit, key, form) ? 204 : 422);
    }
}
