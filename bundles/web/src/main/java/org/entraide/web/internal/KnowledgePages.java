package org.entraide.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brand's knowledge base, for brands that enabled the knowledge capability: the articles (filtered by topic, tag
 * and language, paged), an article with the brand's stamp and the helpful form, the writers' forms (new, edit,
 * promote an answer or response from its thread) and the owner's articles due for review. Who may do what is the
 * API's to decide: its 403 and 404 are shown as they come.
 */
final class KnowledgePages extends PageSupport {
    static final String CAPABILITY = "knowledge";
    private static final List<String> FILTERS = List.of("topic", "tag", "language");
    private static final int SIZE = 20;

    KnowledgePages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** Whether the visitor writes articles: the brand's admins and moderators. */
    static boolean writes(Visit visit) {
        Member me = visit.member();
        return me != null && (me.has("BRAND_ADMIN") || me.has("MODERATOR"));
    }

    /** On a question's or a complaint's page: the articles its thread became, and whether the visitor may promote. */
    static void describe(ApiClient api, Visit visit, long threadId, Map<String, Object> model) {
        if (!visit.features().contains(CAPABILITY)) {
            return;
        }
        JsonNode found = api.optional(brandPath(visit) + "/articles?size=5&thread=" + threadId, visit.token());
        model.put("threadArticles", Models.list(found, visit));
        model.put("mayPromote", writes(visit));
    }

    WebReply list(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.features().contains(CAPABILITY)) {
            return notFound(visit);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : FILTERS) {
            String v = visit.request.param(f);
            if (v != null && !v.isBlank()) {
                filters.put(f, v.strip());
            }
        }
        int page = pageNumber(visit);
        StringBuilder query = new StringBuilder("?size=" + SIZE + "&page=" + page);
        filters.forEach((k, v) -> query.append('&').append(k).append('=').append(enc(v)));
        JsonNode found = api.optional(brandPath(visit) + "/articles" + query, visit.token());
        Map<String, Object> model = new HashMap<>();
        model.put("canonical", "/b/" + visit.slug + "/articles");
        model.put("invalid", found == null);
        model.put("items", Models.list(found, visit));
        model.put("filters", filters);
        model.put("mayWrite", writes(visit));
        long total = found == null ? 0 : found.path("total").asLong();
        model.put("total", total);
        model.put("page", page);
        if (page > 1) {
            model.put("prev", link(visit, filters, page - 1));
        }
        if ((long) page * SIZE < total) {
            model.put("next", link(visit, filters, page + 1));
        }
        return render(visit, brand, 200, "articles", model);
    }

    WebReply article(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.features().contains(CAPABILITY)) {
            return notFound(visit);
        }
        long id = Long.parseLong(path.group(2));
        JsonNode article = api.get(brandPath(visit) + "/articles/" + id, visit.token());
        if (article == null) {
            return notFound(visit);
        }
        if ("ask".equals(visit.request.param("from")) && visit.signedIn()) {
            // the asker opened an article proposed while typing a question: counted once a day, as a stop
            api.call("POST", brandPath(visit) + "/articles/" + id + "/deflections", visit.token(), null);
            SearchPages.openedProposal(api, visit, "article", id);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("article", Models.plain(article, visit));
        model.put("canonical", "/b/" + visit.slug + "/articles/" + id);
        model.put("mayWrite", writes(visit));
        model.put("voted", "1".equals(visit.request.param("voted")));
        if (writes(visit)) {
            model.put("versions", Models.list(api.optional(brandPath(visit) + "/articles/" + id + "/versions", visit.token()),
                visit));
        }
        return render(visit, brand, 200, "article", model);
    }

    WebReply helpful(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("helpful", "yes".equals(visit.request.field("helpful")));
        String reason = visit.request.field("reason");
        if (!reason.isEmpty()) {
            body.put("reason", reason);
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/articles/" + id + "/helpful", visit.token(), body);
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "knowledge.refused",
                "detail", firstError(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/articles/" + id + "?voted=1#helpful");
    }

    WebReply newForm(Visit visit, JsonNode brand, Matcher path) {
        return form(visit, brand, 200, null, emptyForm(), Map.of());
    }

    WebReply editForm(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        JsonNode article = api.get(brandPath(visit) + "/articles/" + id, visit.token());
        if (article == null || !article.has("body")) {
            return notFound(visit);
        }
        Map<String, Object> form = new HashMap<>();
        form.put("title", article.path("title").asText());
        form.put("body", article.path("body").asText());
        form.put("topic", article.path("topic").asText(""));
        form.put("tags", join(article.path("tags")));
        form.put("language", article.path("language").asText("fr"));
        form.put("stores", join(article.path("stores")));
        form.put("reviewOn", article.path("reviewOn").asText(""));
        form.put("publish", "published".equals(article.path("status").asText()));
        return form(visit, brand, 200, id, form, Map.of());
    }

    WebReply create(Visit visit, JsonNode brand, Matcher path) {
        return save(visit, brand, null);
    }

    WebReply edit(Visit visit, JsonNode brand, Matcher path) {
        return save(visit, brand, Long.parseLong(path.group(2)));
    }

    private WebReply save(Visit visit, JsonNode brand, Long id) {
        Map<String, Object> form = new HashMap<>();
        for (String f : List.of("title", "topic", "tags", "language", "stores", "reviewOn")) {
            form.put(f, visit.request.field(f));
        }
        form.put("body", visit.request.raw("body"));
        form.put("publish", "on".equals(visit.request.field("publish")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.get("title"));
        body.put("body", form.get("body"));
        optional(body, "topic", (String) form.get("topic"));
        body.put("tags", items((String) form.get("tags")));
        optional(body, "language", (String) form.get("language"));
        body.put("stores", items((String) form.get("stores")));
        optional(body, "reviewOn", (String) form.get("reviewOn"));
        body.put("publish", form.get("publish"));
        body.put("verified", "on".equals(visit.request.field("verified")));
        ApiClient.Answer a = id == null ? api.call("POST", brandPath(visit) + "/articles", visit.token(), body)
            : api.call("PUT", brandPath(visit) + "/articles/" + id, visit.token(), body);
        if (!a.ok()) {
            return form(visit, brand, a.status() == 400 ? 400 : a.status(), id, form, Map.of("refusal", firstError(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/articles/" + a.body().path("id").asLong());
    }

    /** One click from the thread: the post becomes a draft (or a published article) and its writer edits it next. */
    WebReply promote(Visit visit, JsonNode brand, Matcher path) {
        long post = Long.parseLong(path.group(2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publish", "on".equals(visit.request.field("publish")));
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/posts/" + post + "/promote", visit.token(), body);
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "knowledge.refused",
                "detail", firstError(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/articles/" + a.body().path("id").asLong() + "/edit");
    }

    WebReply reviews(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.features().contains(CAPABILITY) || !writes(visit)) {
            return notFound(visit);
        }
        boolean all = "all".equals(visit.request.param("owner")) && visit.member().has("BRAND_ADMIN");
        int page = pageNumber(visit);
        JsonNode due = api.optional(brandPath(visit) + "/knowledge/reviews?size=" + SIZE + "&page=" + page
            + (all ? "&owner=all" : ""), visit.token());
        Map<String, Object> model = new HashMap<>();
        model.put("items", Models.list(due, visit));
        model.put("total", due == null ? 0 : due.path("total").asLong());
        model.put("all", all);
        model.put("mayAll", visit.member().has("BRAND_ADMIN"));
        return render(visit, brand, 200, "article-reviews", model);
    }

    private WebReply form(Visit visit, JsonNode brand, int status, Long id, Map<String, Object> form, Map<String, Object> extra) {
        if (!visit.features().contains(CAPABILITY) || !writes(visit)) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>(extra);
        model.put("form", form);
        model.put("mayVerify", visit.member().has("BRAND_ADMIN"));
        model.put("action", visit.base() + (id == null ? "/articles/new" : "/articles/" + id + "/edit"));
        if (id != null) {
            model.put("articleId", id);
        }
        return render(visit, brand, status, "article-form", model);
    }

    private static Map<String, Object> emptyForm() {
        Map<String, Object> form = new HashMap<>();
        for (String f : List.of("title", "body", "topic", "tags", "stores", "reviewOn")) {
            form.put(f, "");
        }
        form.put("language", "fr");
        form.put("publish", false);
        return form;
    }

    private static void optional(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }

    /** "a, b c" as ["a", "b", "c"]. */
    static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(out::add);
        return out;
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    private static String link(Visit visit, Map<String, String> filters, int page) {
        StringBuilder s = new StringBuilder("/b/" + visit.slug + "/articles?page=" + page);
        filters.forEach((k, v) -> s.append('&').append(k).append('=').append(enc(v)));
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
