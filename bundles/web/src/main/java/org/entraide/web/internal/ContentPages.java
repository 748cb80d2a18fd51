package org.entraide.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Members edit and delete their questions, answers and complaints, and anyone reads a post's versions with what
 * changed between them. The post's current text comes from its revisions (the last one), which its author may always
 * read. Each form says where to return: the question the post belongs to, or the complaint's own page.
 */
final class ContentPages extends PageSupport {
    ContentPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** The page a form returns to: {@code /questions/{id}} or {@code /complaints/{id}}, named by the form's field. */
    record Back(String field, long id) {
        String path(long post) {
            if ("complaint".equals(field)) {
                return "/complaints/" + id;
            }
            return "/questions/" + id + (id == post ? "" : "#answer-" + post);
        }

        static Back of(String question, String complaint) {
            Long q = number(question == null ? "" : question);
            if (q != null) {
                return new Back("question", q);
            }
            Long c = number(complaint == null ? "" : complaint);
            return c == null ? null : new Back("complaint", c);
        }
    }

    private static Back queryBack(Visit visit) {
        return Back.of(visit.request.param("question"), visit.request.param("complaint"));
    }

    private static Back formBack(Visit visit) {
        return Back.of(visit.request.field("question"), visit.request.field("complaint"));
    }

    WebReply editForm(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Back question = queryBack(visit);
        JsonNode versions = api.get(brandPath(visit) + "/posts/" + post + "/revisions", visit.token());
        if (question == null || versions == null || versions.path("items").isEmpty()) {
            return notFound(visit);
        }
        JsonNode last = versions.path("items").get(versions.path("items").size() - 1);
        Map<String, String> form = new HashMap<>();
        form.put("title", last.path("title").isTextual() ? last.path("title").asText() : "");
        form.put("body", last.path("body").asText());
        return editPage(visit, brand, 200, post, question, last.path("title").isTextual(), form, Map.of(), null);
    }

    WebReply edit(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Back question = formBack(visit);
        if (question == null) {
            return message(visit, brand, 400, "form.invalid");
        }
        boolean hasTitle = "1".equals(visit.request.field("hasTitle"));
        Map<String, String> form = Map.of("title", visit.request.field("title"), "body", visit.request.raw("body"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (hasTitle && (form.get("title").length() < PostForms.TITLE_MIN || form.get("title").length() > PostForms.TITLE_MAX)) {
            errors.put("title", "error.title");
        }
        if (form.get("body").isBlank() || form.get("body").length() > PostForms.BODY_MAX) {
            errors.put("body", "error.body");
        }
        if (!errors.isEmpty()) {
            return editPage(visit, brand, 422, post, question, hasTitle, form, errors, null);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("title", hasTitle ? form.get("title") : null);
        body.put("body", form.get("body"));
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/posts/" + post, visit.token(), body);
        if (!a.ok()) {
            Map<String, String> apiErrors = PostForms.fieldErrors(a);
            return editPage(visit, brand, a.status(), post, question, hasTitle, form, apiErrors,
                apiErrors.isEmpty() ? PostForms.refusal(a, visit) : null);
        }
        return WebReply.seeOther(visit.base() + question.path(post));
    }

    WebReply delete(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Back question = formBack(visit);
        if (question == null) {
            return message(visit, brand, 400, "form.invalid");
        }
        ApiClient.Answer a = api.call("DELETE", brandPath(visit) + "/posts/" + post, visit.token(), null);
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "delete.refused",
                "detail", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + question.path(post));
    }

    /** Every version, newest first, each with what changed from the one before. */
    WebReply history(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        JsonNode versions = api.get(brandPath(visit) + "/posts/" + post + "/revisions", visit.token());
        if (versions == null) {
            return notFound(visit);
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        JsonNode previous = null;
        for (JsonNode v : versions.path("items")) {
            Map<String, Object> m = Models.plain(v, visit);
            m.put("titleChanged", previous != null && !v.path("title").asText().equals(previous.path("title").asText()));
            m.put("diff", previous == null ? List.of() : LineDiff.of(previous.path("body").asText(), v.path("body").asText())
                .stream().map(l -> Map.of("kind", l.kind(), "text", l.text())).toList());
            shown.add(0, m);
            previous = v;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("revisions", shown);
        model.put("postId", post);
        Back back = queryBack(visit);
        if (back != null) {
            model.put("backPath", back.path(post));
            model.put("backKey", "complaint".equals(back.field()) ? "history.backComplaint" : "history.back");
        }
        return render(visit, brand, 200, "post-history", model);
    }

    private WebReply editPage(Visit visit, JsonNode brand, int status, long post, Back back, boolean hasTitle,
                              Map<String, String> form, Map<String, String> errors, String refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("postId", post);
        model.put("backField", back.field());
        model.put("backId", back.id());
        model.put("backPath", back.path(post));
        model.put("hasTitle", hasTitle);
        model.put("form", form);
        model.put("errors", errors);
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "post-edit", model);
    }

    /** "edited 2 hours ago" as a message key and its number, for a post's view. */
    static Map<String, Object> ago(Instant then, Instant now) {
        long minutes = Math.max(0, Duration.between(then, now).toMinutes());
        if (minutes < 1) {
            return Map.of("key", "edited.now", "n", 0);
        }
        if (minutes < 60) {
            return Map.of("key", "edited.minutes", "n", minutes);
        }
        if (minutes < 48 * 60) {
            return Map.of("key", "edited.hours", "n", minutes / 60);
        }
        return Map.of("key", "edited.days", "n", minutes / (24 * 60));
    }
}
