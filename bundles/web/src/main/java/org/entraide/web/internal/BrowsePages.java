package org.entraide.web.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Browsing the questions: the paged list with its filters ({@code /questions?topic=&tag=&status=&sort=&page=}),
 * a page per topic and per tag with its questions, unanswered ones and top contributors.
 */
final class BrowsePages extends PageSupport {
    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
    private static final Set<String> STATUSES = Set.of("unanswered", "answered", "accepted");
    private static final Set<String> SORTS = Set.of("recent", "score", "active");
    /** The unanswered questions a topic or tag page shows before its "more" link. */
    private static final int UNANSWERED_SHOWN = 5;

    BrowsePages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** Every published question, filtered and paged; a filter the API would refuse is left out, not an error. */
    WebReply questions(Visit visit, JsonNode brand, Matcher path) {
        Map<String, String> filters = new LinkedHashMap<>();
        keep(filters, "topic", visit.request.param("topic"), SLUG);
        keep(filters, "tag", visit.request.param("tag"), TAG);
        String status = visit.request.param("status");
        if (status != null && STATUSES.contains(status)) {
            filters.put("status", status);
        }
        String sort = visit.request.param("sort");
        if (sort != null && SORTS.contains(sort) && !"recent".equals(sort)) {
            filters.put("sort", sort);
        }
        String query = query(filters);
        String listPath = visit.base() + "/questions" + (query.isEmpty() ? "" : "?" + query);
        int page = pageNumber(visit);
        JsonNode list = api.get(brandPath(visit) + "/questions?" + (query.isEmpty() ? "" : query + "&") + "page=" + page);
        if (page > 1 && list.path("items").isEmpty()) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("questions", Models.list(list, visit));
        model.put("total", list.path("total").asLong());
        model.put("filters", filters);
        model.put("topics", Models.list(api.get(brandPath(visit) + "/topics"), visit));
        model.put("heading", status == null || !STATUSES.contains(status) ? "recent" : status);
        paged(model, list, listPath, page);
        return render(visit, brand, 200, "questions", model);
    }

    WebReply topic(Visit visit, JsonNode brand, Matcher path) {
        String slug = path.group(2);
        JsonNode topic = null;
        for (JsonNode t : api.get(brandPath(visit) + "/topics").path("items")) {
            if (t.path("slug").asText().equals(slug)) {
                topic = t;
            }
        }
        if (topic == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("topic", Models.plain(topic, visit));
        model.put("feed", feed(visit, "/topics/" + slug, "feed.topic", topic.path("name").asText()));
        return subject(visit, brand, "topic", slug, visit.base() + "/topics/" + slug, model);
    }

    WebReply tag(Visit visit, JsonNode brand, Matcher path) {
        String tag = path.group(2);
        Map<String, Object> model = new HashMap<>();
        model.put("tag", tag);
        model.put("feed", feed(visit, "/tags/" + tag, "feed.tag", tag));
        return subject(visit, brand, "tag", tag, visit.base() + "/tags/" + tag, model);
    }

    /** A topic's or a tag's page: its questions (paged), its first unanswered ones, its contributors. */
    private WebReply subject(Visit visit, JsonNode brand, String filter, String value, String self, Map<String, Object> model) {
        String f = filter + "=" + Site.urlEncode(value);
        int page = pageNumber(visit);
        JsonNode list = api.get(brandPath(visit) + "/questions?" + f + "&page=" + page);
        // a tag exists only through its questions; an empty page after the last is no page either
        if (list.path("items").isEmpty() && (page > 1 || "tag".equals(filter))) {
            return notFound(visit);
        }
        JsonNode unanswered = api.get(brandPath(visit) + "/questions?" + f + "&status=unanswered&size=" + UNANSWERED_SHOWN);
        model.put("questions", Models.list(list, visit));
        model.put("total", list.path("total").asLong());
        model.put("unanswered", Models.list(unanswered, visit));
        model.put("unansweredTotal", unanswered.path("total").asLong());
        model.put("contributors", Models.list(api.get(brandPath(visit) + "/contributors?" + f), visit));
        model.put("filterQuery", f);
        paged(model, list, self, page);
        return render(visit, brand, 200, "tag".equals(filter) ? "tag" : "topic", model);
    }

    /** The pager, and the canonical address of this very page (each page of a list is its own). */
    static void paged(Map<String, Object> model, JsonNode list, String path, int page) {
        Map<String, Object> pager = Pager.of(list, path);
        if (pager != null) {
            model.put("pager", pager);
        }
        model.put("canonical", Pager.href(path, page));
    }

    /** The page's Atom feed, for its {@code <link rel="alternate">} and its visible link. */
    Map<String, Object> feed(Visit visit, String page, String titleKey, String name) {
        return Map.of("href", visit.base() + page + "/feed.atom", "title", templates.text(visit.locale, titleKey).replace("{0}", name));
    }

    private static void keep(Map<String, String> filters, String name, String value, Pattern valid) {
        if (value != null && valid.matcher(value).matches()) {
            filters.put(name, value);
        }
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(Site.urlEncode(v)));
        return q.toString();
    }
}
