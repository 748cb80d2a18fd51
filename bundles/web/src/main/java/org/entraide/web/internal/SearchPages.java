package org.entraide.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search page of a brand that enabled the search capability: results with their highlighted excerpts (HTML the
 * API escaped, with only its {@code <mark>}s), facets as links that add a filter, and pages. Without the capability
 * the page does not exist, and the home page's form keeps its title filter.
 */
final class SearchPages extends PageSupport {
    static final String CAPABILITY = "search";
    private static final List<String> FILTERS = List.of("type", "topic", "tag");
    private static final int SIZE = 20;

    SearchPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** The brand admin's figures of search: the most frequent searches without result, and askers stopping at proposals. */
    static void figures(ApiClient api, Visit visit, java.util.Map<String, Object> model) {
        if (!visit.features().contains(CAPABILITY)) {
            return;
        }
        JsonNode misses = api.optional("/brands/" + visit.slug + "/search/misses?size=10", visit.token());
        JsonNode proposals = api.optional("/brands/" + visit.slug + "/search/proposals/figures", visit.token());
        if (misses != null && proposals != null) {
            model.put("searchMisses", Models.list(misses, visit));
            model.put("searchProposals", Models.plain(proposals, visit));
        }
    }

    /**
     * A member who opened a question proposed on the ask page ({@code ?proposal=} on its link): they may have found
     * their answer there. Recorded once per proposal by the API; a visitor's, or a link shared further, records nothing.
     */
    static void openedProposal(ApiClient api, Visit visit, long questionId) {
        openedProposal(api, visit, "question", questionId);
    }

    /** The same for any kind of post proposed ({@code question}, {@code article}). */
    static void openedProposal(ApiClient api, Visit visit, String kind, long id) {
        String token = PostForms.proposalToken(visit.request.param("proposal"));
        if (!token.isEmpty() && visit.signedIn() && visit.features().contains(CAPABILITY)) {
            api.call("POST", "/brands/" + visit.slug + "/search/proposals/" + token + "/outcome", visit.token(),
                java.util.Map.of("outcome", "opened", "kind", kind, "id", id));
        }
    }

    WebReply search(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.features().contains(CAPABILITY)) {
            return notFound(visit);
        }
        String q = param(visit, "q");
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : FILTERS) {
            String v = param(visit, f);
            if (!v.isEmpty()) {
                filters.put(f, v);
            }
        }
        int page = Math.min(50, pageNumber(visit));
        StringBuilder query = new StringBuilder("?size=" + SIZE + "&page=" + page);
        if (!q.isEmpty()) {
            query.append("&q=").append(enc(q));
        }
        filters.forEach((k, v) -> query.append('&').append(k).append('=').append(enc(v)));
        JsonNode found = api.optional(brandPath(visit) + "/search" + query, visit.token());
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("canonical", "/b/" + visit.slug + "/search");
        model.put("invalid", found == null);
        List<Map<String, Object>> items = new ArrayList<>();
        long total = 0;
        List<Map<String, Object>> facets = new ArrayList<>();
        if (found != null) {
            total = found.path("total").asLong();
            for (JsonNode item : found.path("items")) {
                Map<String, Object> m = Models.plain(item, visit);
                m.put("href", href(visit, item));
                items.add(m);
            }
            for (String f : FILTERS) {
                List<Map<String, Object>> values = new ArrayList<>();
                found.path("facets").path(f).fields().forEachRemaining(e -> {
                    Map<String, String> with = new LinkedHashMap<>(filters);
                    boolean chosen = e.getKey().equals(filters.get(f));
                    if (chosen) {
                        with.remove(f);
                    } else {
                        with.put(f, e.getKey());
                    }
                    values.add(Map.of("value", e.getKey(), "count", e.getValue().asLong(), "chosen", chosen,
                        "href", link(visit, q, with, 1)));
                });
                if (!values.isEmpty()) {
                    facets.add(Map.of("name", f, "values", values));
                }
            }
        }
        model.put("items", items);
        model.put("total", total);
        model.put("facets", facets);
        model.put("page", page);
        long pages = Math.min(50, (total + SIZE - 1) / SIZE);
        if (page > 1) {
            model.put("prev", link(visit, q, filters, page - 1));
        }
        if (page < pages) {
            model.put("next", link(visit, q, filters, page + 1));
        }
        return render(visit, brand, 200, "search", model);
    }

    private static String href(Visit visit, JsonNode item) {
        String base = "/b/" + visit.slug;
        return switch (item.path("type").asText()) {
            case "answer" -> base + "/questions/" + item.path("questionId").asLong() + "#answer-" + item.path("id").asLong();
            case "complaint" -> base + "/complaints/" + item.path("id").asLong();
            case "article" -> base + "/articles/" + item.path("id").asLong();
            default -> base + "/questions/" + item.path("id").asLong();
        };
    }

    private static String link(Visit visit, String q, Map<String, String> filters, int page) {
        StringBuilder s = new StringBuilder("/b/" + visit.slug + "/search?q=" + enc(q));
        filters.forEach((k, v) -> s.append('&').append(k).append('=').append(enc(v)));
        if (page > 1) {
            s.append("&page=").append(page);
        }
        return s.toString();
    }

    private static String param(Visit visit, String name) {
        String v = visit.request.param(name);
        return v == null ? "" : v.strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
