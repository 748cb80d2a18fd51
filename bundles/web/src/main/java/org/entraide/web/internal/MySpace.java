package org.entraide.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "My space" ({@code /me}): the member's own questions, answers and complaints, each kind also paged on its own
 * ({@code /me/questions}...), a complaint with its status and, while the store has not answered and the local
 * managers' capability is on, its deadline and the store's private messages not read yet; and what the member follows
 * (notifications capability).
 */
final class MySpace extends PageSupport {
    static final List<String> KINDS = List.of("questions", "answers", "complaints");
    /** What the overview shows of each kind before its "all" link. */
    private static final int SHOWN = 5;

    MySpace(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply overview(Visit visit, JsonNode brand, Matcher path) {
        Map<String, Object> model = new HashMap<>();
        for (String kind : KINDS) {
            JsonNode list = mine(visit, kind, "size=" + SHOWN);
            model.put(kind, items(visit, kind, list));
            model.put(kind + "Total", list.path("total").asLong());
        }
        if (visit.features().contains("notifications")) {
            JsonNode follows = api.optional(brandPath(visit) + "/me/follows", visit.token());
            model.put("follows", Models.list(follows, visit));
        }
        model.put("kinds", KINDS);
        model.put("shown", SHOWN);
        return render(visit, brand, 200, "my-space", model);
    }

    /** One kind of the member's posts, paged. */
    WebReply kind(Visit visit, JsonNode brand, Matcher path) {
        String kind = path.group(2);
        int page = pageNumber(visit);
        JsonNode list = mine(visit, kind, "page=" + page);
        if (page > 1 && list.path("items").isEmpty()) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("items", items(visit, kind, list));
        model.put("total", list.path("total").asLong());
        BrowsePages.paged(model, list, visit.base() + "/me/" + kind, page);
        return render(visit, brand, 200, "my-posts", model);
    }

    private JsonNode mine(Visit visit, String kind, String paging) {
        String type = kind.substring(0, kind.length() - 1);
        return api.get(brandPath(visit) + "/me/posts?type=" + type + "&" + paging, visit.token());
    }

    /** The posts as models; an unanswered complaint gets its deadline when local managers give one. */
    private List<Map<String, Object>> items(Visit visit, String kind, JsonNode list) {
        List<Map<String, Object>> items = Models.list(list, visit);
        if ("complaints".equals(kind) && visit.features().contains("local-managers")) {
            // only those awaiting their first response have a deadline: the page's, in one call
            List<String> open = items.stream().filter(c -> "OPEN".equals(c.get("status")) && "PUBLISHED".equals(c.get("publication")))
                .map(c -> String.valueOf(c.get("id"))).toList();
            JsonNode deadlines = open.isEmpty() ? null
                : api.optional(brandPath(visit) + "/complaint-deadlines?ids=" + String.join(",", open), visit.token());
            Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
            for (Map<String, Object> d : Models.list(deadlines, visit)) {
                byId.put(String.valueOf(d.get("complaintId")), d);
            }
            for (Map<String, Object> c : items) {
                Map<String, Object> d = byId.get(String.valueOf(c.get("id")));
                if (d != null) {
                    c.put("deadline", d);
                }
            }
            unread(visit, items);
        }
        return items;
    }

    /** The store's messages the member has not read yet, for the page's published complaints in one call. */
    private void unread(Visit visit, List<Map<String, Object>> items) {
        List<String> published = items.stream().filter(c -> "PUBLISHED".equals(c.get("publication")))
            .map(c -> String.valueOf(c.get("id"))).toList();
        JsonNode unread = published.isEmpty() ? null
            : api.optional(brandPath(visit) + "/complaint-unread?ids=" + String.join(",", published), visit.token());
        Map<String, Object> byId = new HashMap<>();
        for (Map<String, Object> u : Models.list(unread, visit)) {
            byId.put(String.valueOf(u.get("complaintId")), u.get("unread"));
        }
        for (Map<String, Object> c : items) {
            Object n = byId.get(String.valueOf(c.get("id")));
            if (n != null) {
                c.put("unread", n);
            }
        }
    }
}
