package org.entraide.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/** The public reading pages: a brand's home, a question, the sitemap. */
final class Pages extends PageSupport {

    Pages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply home(Visit visit, JsonNode brand, Matcher path) {
        String slug = visit.slug;
        String q = visit.request.param("q");
        String search = q == null || q.isBlank() ? "" : "&q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
        // ?topic= and ?tag= narrow the home's lists as they narrow the questions' list
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        String topic = visit.request.param("topic");
        if (topic != null && BrowsePages.SLUG.matcher(topic).matches()) {
            filters.put("topic", topic);
        }
        String tag = visit.request.param("tag");
        if (tag != null && BrowsePages.TAG.matcher(tag).matches()) {
            filters.put("tag", tag);
        }
        String narrowed = BrowsePages.query(filters);
        String filter = search + (narrowed.isEmpty() ? "" : "&" + narrowed);
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q.strip());
        model.put("topics", Models.list(api.get("/brands/" + slug + "/topics"), visit));
        JsonNode recent = api.get("/brands/" + slug + "/questions?sort=recent" + filter);
        JsonNode unanswered = api.get("/brands/" + slug + "/questions?status=unanswered" + filter);
        JsonNode resolved = api.get("/brands/" + slug + "/questions?status=accepted" + filter);
        model.put("recent", Models.list(recent, visit));
        model.put("unanswered", Models.list(unanswered, visit));
        model.put("resolved", Models.list(resolved, visit));
        // "more" leads to the paged list, when there is more than the home shows (search stays the home's)
        String more = visit.base() + "/questions?" + (narrowed.isEmpty() ? "" : narrowed + "&");
        if (search.isEmpty()) {
            putMore(model, "recentMore", recent, more.substring(0, more.length() - 1));
            putMore(model, "unansweredMore", unanswered, more + "status=unanswered");
            putMore(model, "resolvedMore", resolved, more + "status=accepted");
        }
        model.put("canonical", "/b/" + slug);
        model.put("features", java.util.List.copyOf(visit.features()));
        model.put("incidents", IncidentPages.pinned(api, visit, "size=5"));
        return render(visit, brand, 200, "home", model);
    }

    private static void putMore(Map<String, Object> model, String key, JsonNode list, String href) {
        if (list.path("total").asLong() > list.path("items").size()) {
            model.put(key, href);
        }
    }

    /** A question; its author, once signed in, also sees it while it awaits review. */
    WebReply question(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        JsonNode question = api.get("/brands/" + visit.slug + "/questions/" + id, visit.token());
        if (question == null) {
            return notFound(visit);
        }
        Map<String, Object> model = questionModel(api, visit, question, id);
        SearchPages.openedProposal(api, visit, id);
        Map<String, String> draft = new DraftForms(api, templates).restore(visit, DraftForms.answerKey(id), Map.of("body", ""));
        if (draft != null) {
            model.put("answerForm", Map.of("body", draft.get("body")));
            model.put("draftNotice", "draft.restored");
        }
        NotificationPages.following(api, visit, "question", String.valueOf(id)).ifPresent(level -> model.put("following", level));
        NotificationPages.viewing(api, visit, "question", id);
        DuplicatePages.describe(question, visit, model);
        StaffNotePages.describe(visit, model);
        KnowledgePages.describe(api, visit, id, model);
        model.put("incidents", IncidentPages.pinned(api, visit, "post=" + id));
        return render(visit, brand, 200, "question", model);
    }

    /** The question page's model; the answer form's state (its text, errors, preview) is added by the caller. */
    static Map<String, Object> questionModel(ApiClient api, Visit visit, JsonNode question, long id) {
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> q = Models.plain(question, visit);
        Member me = visit.member();
        q.put("mine", me != null && question.path("author").path("id").asLong(-1) == me.id());
        edited(q, question);
        CommentPages.complete(api, visit, q, question);
        if (q.get("answers") instanceof java.util.List<?> answers) {
            for (int i = 0; i < answers.size() && i < question.path("answers").size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> a = (Map<String, Object>) answers.get(i);
                JsonNode node = question.path("answers").get(i);
                a.put("mine", me != null && node.path("author").path("id").asLong(-1) == me.id());
                edited(a, node);
                CommentPages.complete(api, visit, a, node);
            }
        }
        model.put("question", q);
        model.put("canonical", "/b/" + visit.slug + "/questions/" + id);
        model.put("jsonLd", QaPageMarkup.of(question, visit.request.publicBase() + "/b/" + visit.slug + "/questions/" + id));
        model.put("answerForm", Map.of("body", ""));
        model.put("flagging", visit.signedIn() && visit.features().contains("moderation"));
        model.put("mayModerate", me != null && (me.has("MODERATOR") || me.has("BRAND_ADMIN")));
        model.put("flagged", "1".equals(visit.request.param("flagged")));
        model.put("errors", Map.of());
        return model;
    }

    /** "edited 2 hours ago": the message key and number of an edited post's label. */
    private static void edited(Map<String, Object> model, JsonNode post) {
        if (post.path("editedAt").isTextual()) {
            model.put("editedAgo", ContentPages.ago(java.time.Instant.parse(post.path("editedAt").asText()), java.time.Instant.now()));
        }
    }
}
