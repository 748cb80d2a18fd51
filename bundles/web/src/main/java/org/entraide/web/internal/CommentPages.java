package org.entraide.web.internal;

import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Comments under a question and each answer: the form that adds one, and its author's edit and delete, all plain
 * forms that come back to the question (a small script completes @mentions where JavaScript runs). The API decides
 * everything: the comment privilege, moderation, the length limit.
 */
final class CommentPages extends PageSupport {
    /** The longest comment, as the API allows it. */
    static final int MAX = 600;

    CommentPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /**
     * A question's view embeds each post's first comments: where a post has more, its page shows them all (read from
     * the API, at most a hundred), so that no comment is out of readers' reach.
     */
    @SuppressWarnings("unchecked")
    static void complete(ApiClient api, Visit visit, Map<String, Object> post, JsonNode node) {
        JsonNode comments = node.path("comments");
        if (comments.path("total").asInt() > comments.path("items").size()) {
            JsonNode all = api.optional(brandPath(visit) + "/posts/" + node.path("id").asLong() + "/comments?size=100",
                visit.token());
            if (all != null) {
                post.put("comments", Models.plain(all, visit));
            }
        }
    }

    WebReply add(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Long question = number(visit.request.field("question"));
        String text = visit.request.raw("body");
        if (question == null || text == null || text.isBlank() || text.length() > MAX) {
            return message(visit, brand, 400, "comment.invalid");
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/posts/" + post + "/comments", visit.token(),
            Map.of("body", text));
        if (!a.ok()) {
            return refused(visit, brand, a);
        }
        return WebReply.seeOther(visit.base() + "/questions/" + question + "#comment-" + a.body().path("id").asLong());
    }

    WebReply edit(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        Long question = number(visit.request.field("question"));
        String text = visit.request.raw("body");
        if (question == null || text == null || text.isBlank() || text.length() > MAX) {
            return message(visit, brand, 400, "comment.invalid");
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/comments/" + id, visit.token(), Map.of("body", text));
        if (!a.ok()) {
            return refused(visit, brand, a);
        }
        return WebReply.seeOther(visit.base() + "/questions/" + question + "#comment-" + id);
    }

    WebReply delete(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        Long question = number(visit.request.field("question"));
        if (question == null) {
            return message(visit, brand, 400, "form.invalid");
        }
        ApiClient.Answer a = api.call("DELETE", brandPath(visit) + "/comments/" + id, visit.token(), null);
        if (!a.ok()) {
            return refused(visit, brand, a);
        }
        return WebReply.seeOther(visit.base() + "/questions/" + question);
    }

    /** A moderator publishes a held comment or restores a hidden one. */
    WebReply publish(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        Long question = number(visit.request.field("question"));
        if (question == null) {
            return message(visit, brand, 400, "form.invalid");
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/comments/" + id + "/publication", visit.token(),
            Map.of("publication", "PUBLISHED"));
        if (!a.ok()) {
            return refused(visit, brand, a);
        }
        return WebReply.seeOther(visit.base() + "/questions/" + question + "#comment-" + id);
    }

    /**
     * The @mention autocomplete of the comment forms (mentions-1.js): the API's members whose pseudonym starts with the
     * prefix, pseudonyms only, for the signed-in member's session; an empty list for a prefix the API refuses.
     */
    WebReply members(Visit visit, JsonNode brand, Matcher path) {
        String prefix = visit.request.param("prefix");
        JsonNode found = prefix == null || !prefix.matches("[\\p{L}\\p{N}_.-]{2,30}") ? null
            : api.optional(brandPath(visit) + "/members?prefix=" + java.net.URLEncoder.encode(prefix,
                java.nio.charset.StandardCharsets.UTF_8), visit.token());
        com.fasterxml.jackson.databind.node.ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode items = out.putArray("items");
        if (found != null) {
            found.path("items").forEach(m -> items.add(m.path("pseudonym").asText()));
        }
        return WebReply.of(new Page(200, out.toString(), "application/json; charset=utf-8"));
    }

    /** A refused privilege says what it takes; anything else the API's reason. */
    private WebReply refused(Visit visit, JsonNode brand, ApiClient.Answer a) {
        String key = "privilege-required".equals(a.body().path("type").asText().replaceAll(".*/", ""))
            ? "comment.privilege" : "comment.refused";
        return render(visit, brand, a.status(), "message", Map.of("messageKey", key, "detail", PostForms.refusal(a, visit)));
    }
}
