package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The page links of a paged list, from the API's {@code total}, {@code page} and {@code size}: previous and next
 * (also given to the layout as {@code <link rel="prev"/"next">}), the first and last page, and the numbers around
 * the current one, so that any page is reached in a few steps.
 */
final class Pager {
    /** How many page numbers are shown on each side of the current one. */
    private static final int AROUND = 2;

    private Pager() {
    }

    /**
     * The pager's model, or null when the list fits on one page. {@code path} is the list's address with its query
     * but without {@code page}; page 1 is the bare address, so that it has one canonical URL.
     */
    static Map<String, Object> of(JsonNode list, String path) {
        long total = list.path("total").asLong();
        int size = Math.max(1, list.path("size").asInt(20));
        int page = Math.max(1, list.path("page").asInt(1));
        // page numbers stop where the API's do: its keyset lists go deeper by cursor, which pages do not link
        int last = (int) Math.max(1, Math.min((total + size - 1) / size, PageSupport.MAX_DEPTH / size));
        if (last == 1 && page == 1) {
            return null;
        }
        Map<String, Object> pager = new HashMap<>();
        pager.put("current", page);
        pager.put("last", last);
        if (page > 1) {
            pager.put("prev", href(path, Math.min(page - 1, last)));
        }
        if (page < last) {
            pager.put("next", href(path, page + 1));
        }
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - page) <= AROUND) {
                numbers.add(Map.of("n", n, "href", href(path, n)));
            } else if (!numbers.isEmpty() && !numbers.get(numbers.size() - 1).containsKey("gap")) {
                numbers.add(Map.of("gap", true));
                n = n < page ? page - AROUND - 1 : last - 1;
            }
        }
        pager.put("numbers", numbers);
        return pager;
    }

    /** {@code path} with {@code page=n} (none for the first page). */
    static String href(String path, int n) {
        if (n <= 1) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "page=" + n;
    }
}
