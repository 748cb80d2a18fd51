package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Asking, answering, voting and accepting. The ask and answer forms have two buttons: "preview" renders the
 * Markdown as it would be published (by the API, with the same sanitizer) without storing anything, and
 * "publish" posts it. Neither needs JavaScript.
 */
final class PostForms extends PageSupport {
    static final int TITLE_MIN = 5;
    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 20_000;

    private final DraftForms drafts;

    PostForms(ApiClient api, Templates templates) {
        super(api, templates);
        this.drafts = new DraftForms(api, templates);
    }

    WebReply askForm(Visit visit, JsonNode brand, Matcher path) {
        String store = visit.request.param("store");
        String topic = visit.request.param("topic");
        // a topic's page offers to ask in that topic
        Map<String, String> form = Map.of("title", "", "body", "", "topic",
            topic != null && BrowsePages.SLUG.matcher(topic).matches() ? topic : "", "tags", "",
            "storeCode", store == null ? "" : store, "proposal", "");
        Map<String, String> restored = drafts.restore(visit, DraftForms.QUESTION, form);
        if (restored != null) {
            return askPage(visit, brand, 200, restored, Map.of(), null, null, List.of(), "draft.restored");
        }
        return askPage(visit, brand, 200, form, Map.of(), null, null);
    }

    WebReply ask(Visit visit, JsonNode brand, Matcher path) {
        WebRequest r = visit.request;
        Map<String, String> form = new HashMap<>(Map.of("title", r.field("title"), "body", r.raw("body"), "topic", r.field("topic"),
            "tags", r.field("tags"), "storeCode", r.field("storeCode"), "proposal", proposalToken(r.field("proposal"))));
        if (DraftForms.saving(visit)) {
            // a draft may be unfinished: kept as it is, checked when it is sent
            boolean kept = drafts.save(visit, DraftForms.QUESTION, form);
            return askPage(visit, brand, kept ? 200 : 422, form, Map.of(), null, null, List.of(),
                kept ? "draft.saved" : "draft.refused");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.get("title").length() < TITLE_MIN || form.get("title").length() > TITLE_MAX) {
            errors.put("title", "error.title");
        }
        checkBody(form.get("body"), errors);
        List<String> tags = tags(form.get("tags"));
        if (tags.size() > 5 || tags.stream().anyMatch(t -> !t.matches("[a-z0-9-]{1,30}"))) {
            errors.put("tags", "error.tags");
        }
        if (!errors.isEmpty()) {
            return askPage(visit, brand, 422, form, errors, null, null);
        }
        if ("preview".equals(r.field("action"))) {
            return askPage(visit, brand, 200, form, errors, preview(visit, form.get("body")), null);
        }
        if (!"1".equals(r.field("confirmed"))) {
            // without JavaScript, the similar questions are proposed once, on a confirmation step
            List<Map<String, Object>> similar = similar(visit, form);
            if (!similar.isEmpty()) {
                return askPage(visit, brand, 200, form, errors, null, null, similar);
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("title", form.get("title"));
        body.put("body", form.get("body"));
        body.put("topic", form.get("topic").isEmpty() ? null : form.get("topic"));
        body.put("tags", tags);
        body.put("storeCode", form.get("storeCode").isEmpty() ? null : form.get("storeCode"));
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/questions", visit.token(), body);
        if (!a.ok()) {
            Map<String, String> apiErrors = fieldErrors(a);
            return askPage(visit, brand, a.status(), form, apiErrors, null, apiErrors.isEmpty() ? refusal(a, visit) : null);
        }
        drafts.drop(visit, DraftForms.QUESTION);
        if (!form.get("proposal").isEmpty()) {
            // the asker saw proposals and asked anyway: what the brand's figure of askers stopping there compares with
            api.call("POST", brandPath(visit) + "/search/proposals/" + form.get("proposal") + "/outcome", visit.token(),
                Map.of("outcome", "asked"));
        }
        return WebReply.seeOther(visit.base() + "/questions/" + a.body().path("id").asLong());
    }

    WebReply answer(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String text = visit.request.raw("body");
        Map<String, String> errors = new LinkedHashMap<>();
        checkBody(text, errors);
        String preview = null;
        String refusal = null;
        String notice = null;
        int status = errors.isEmpty() ? 200 : 422;
        if (DraftForms.saving(visit)) {
            errors.clear();
            boolean kept = drafts.save(visit, DraftForms.answerKey(id), Map.of("body", text));
            notice = kept ? "draft.saved" : "draft.refused";
            status = kept ? 200 : 422;
        } else if (errors.isEmpty() && "preview".equals(visit.request.field("action"))) {
            preview = preview(visit, text);
        } else if (errors.isEmpty()) {
            ApiClient.Answer a = api.call("POST", brandPath(visit) + "/questions/" + id + "/answers", visit.token(),
                Map.of("body", text));
            if (a.ok()) {
                drafts.drop(visit, DraftForms.answerKey(id));
                return WebReply.seeOther(visit.base() + "/questions/" + id + "#answer-" + a.body().path("id").asLong());
            }
            if (a.status() == 404) {
                return notFound(visit);
            }
            errors.putAll(fieldErrors(a));
            refusal = errors.isEmpty() ? refusal(a, visit) : null;
            status = a.status();
        }
        JsonNode question = api.get(brandPath(visit) + "/questions/" + id, visit.token());
        if (question == null) {
            return notFound(visit);
        }
        Map<String, Object> model = Pages.questionModel(api, visit, question, id);
        model.put("answerForm", Map.of("body", text));
        model.put("errors", errors);
        if (preview != null) {
            model.put("preview", preview);
        }
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        if (notice != null) {
            model.put("draftNotice", notice);
        }
        return render(visit, brand, status, "question", model);
    }

    /** Up, down or withdrawn; back to the question, at the post. */
    WebReply vote(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Long value = number(visit.request.field("value"));
        Long question = number(visit.request.field("question"));
        if (value == null || value < -1 || value > 1 || question == null) {
            return message(visit, brand, 400, "form.invalid");
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/posts/" + post + "/votes", visit.token(),
            Map.of("value", value));
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "vote.refused", "detail", refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/questions/" + question + (question == post ? "" : "#answer-" + post));
    }

    /** A member reports a post to the moderators, with a reason (moderation capability). */
    WebReply flag(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Long question = number(visit.request.field("question"));
        String reason = visit.request.field("reason");
        if (question == null || !java.util.List.of("spam", "abuse", "personal-data", "off-topic", "other").contains(reason)) {
            return message(visit, brand, 400, "form.invalid");
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/posts/" + post + "/flags", visit.token(), Map.of("reason", reason));
        if (!a.ok() && a.status() != 409) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "flag.refused", "detail", refusal(a, visit)));
        }
        // 409: this member already reported it, which is what they wanted
        return WebReply.seeOther(visit.base() + "/questions/" + question + "?flagged=1" + (question == post ? "" : "#answer-" + post));
    }

    /** The question's author accepts an answer (or withdraws the acceptance with an empty answer). */
    WebReply accept(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        Long answer = number(visit.request.field("answerId"));
        Map<String, Object> body = new HashMap<>();
        body.put("answerId", answer);
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/questions/" + id + "/accept", visit.token(), body);
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "accept.refused", "detail", refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/questions/" + id + (answer == null ? "" : "#answer-" + answer));
    }

    private WebReply askPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors,
                             String preview, String refusal) {
        return askPage(visit, brand, status, form, errors, preview, refusal, List.of());
    }

    /**
     * The posts most like the form's title when the brand has search, recorded as proposed to the asker (under the
     * form's proposal token, which the form then carries); none otherwise or when search fails.
     */
    private List<Map<String, Object>> similar(Visit visit, Map<String, String> form) {
        if (!visit.features().contains(SearchPages.CAPABILITY)) {
            return List.of();
        }
        ApiClient.Answer a = propose(visit, form.get("title"), form.get("proposal"));
        List<Map<String, Object>> similar = new java.util.ArrayList<>();
        if (a.ok()) {
            form.put("proposal", a.body().path("proposal").asText(""));
            String proposal = form.get("proposal");
            String suffix = proposal.isEmpty() ? "" : "proposal=" + proposal;
            // the brand's articles first: its own word on the question, then the community's
            a.body().path("articles").forEach(q -> similar.add(Map.of("title", q.path("title").asText(), "accepted", false,
                "article", true, "href", visit.base() + "/articles/" + q.path("id").asLong() + "?from=ask"
                    + (suffix.isEmpty() ? "" : "&" + suffix))));
            a.body().path("items").forEach(q -> similar.add(Map.of("title", q.path("title").asText(),
                "accepted", q.path("accepted").asBoolean(), "article", false,
                "href", visit.base() + "/questions/" + q.path("id").asLong() + (suffix.isEmpty() ? "" : "?" + suffix))));
        }
        return similar;
    }

    private ApiClient.Answer propose(Visit visit, String title, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        if (!token.isEmpty()) {
            body.put("proposal", token);
        }
        return api.call("POST", brandPath(visit) + "/search/proposals", visit.token(), body);
    }

    /** The ask page's script: the proposals for the title typed so far, as JSON ({@code proposal}, {@code items}). */
    WebReply proposals(Visit visit, JsonNode brand, Matcher path) {
        String title = visit.request.field("title");
        if (!visit.features().contains(SearchPages.CAPABILITY) || title.length() < TITLE_MIN || title.length() > TITLE_MAX) {
            return WebReply.empty(400);
        }
        ApiClient.Answer a = propose(visit, title, proposalToken(visit.request.field("proposal")));
        if (!a.ok()) {
            return WebReply.empty(a.status());
        }
        return WebReply.of(new Page(200, a.body().toString(), "application/json; charset=utf-8"));
    }

    /** A proposal token as the search API makes them, or "" (a forged one would only be refused by the API). */
    static String proposalToken(String raw) {
        return raw != null && raw.matches("[A-Za-z0-9_-]{22}") ? raw : "";
    }

    private WebReply askPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors,
                             String preview, String refusal, List<Map<String, Object>> proposals) {
        return askPage(visit, brand, status, form, errors, preview, refusal, proposals, null);
    }

    private WebReply askPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors,
                             String preview, String refusal, List<Map<String, Object>> proposals, String draftNotice) {
        Map<String, Object> model = new HashMap<>();
        if (draftNotice != null) {
            model.put("draftNotice", draftNotice);
        }
        model.put("proposals", proposals);
        model.put("form", form);
        model.put("errors", errors);
        model.put("topics", Models.list(api.get(brandPath(visit) + "/topics"), visit));
        model.put("stores", Models.list(api.get(brandPath(visit) + "/stores?size=100"), visit));
        // "does one of these answer you?": similar questions while typing the title (search capability)
        model.put("similarOn", visit.features().contains(SearchPages.CAPABILITY));
        if (preview != null) {
            model.put("preview", preview);
        }
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "ask", model);
    }

    /** The body as it would be published; the API sanitizes it. */
    String preview(Visit visit, String markdown) {
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/previews", visit.token(), Map.of("body", markdown));
        return a.ok() ? a.body().path("bodyHtml").asText() : "";
    }

    static void checkBody(String body, Map<String, String> errors) {
        if (body.isBlank() || body.length() > BODY_MAX) {
            errors.put("body", "error.body");
        }
    }

    static List<String> tags(String text) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct().forEach(out::add);
        return out;
    }

    /** The API's field errors, by field (their messages are the API's, in English). */
    static Map<String, String> fieldErrors(ApiClient.Answer a) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode e : a.body().path("errors")) {
            out.putIfAbsent(e.path("field").asText(), e.path("message").asText());
        }
        return out;
    }

    /** Why the API refused: moderation's reason in the reader's language when it gave one, else its detail. */
    static String refusal(ApiClient.Answer a, Visit visit) {
        JsonNode reasons = a.body().path("reasons");
        if (reasons.isArray() && !reasons.isEmpty()) {
            return reasons.get(0).path(visit.locale.getLanguage()).asText(reasons.get(0).path("en").asText());
        }
        return a.detail();
    }
}
