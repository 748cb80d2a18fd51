package org.entraide.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page asked with {@code ?page=&size=} (1-based, 20 by default, at most 100), answered as every list of the API
 * answers: {@code {"items","total","page","size"}}. For plugins' list endpoints; declare {@link #PARAMS} (or
 * {@link #with}) as the endpoint's query parameters.
 */
public record Paging(int page, int size) {
    public static final Set<String> PARAMS = Set.of("page", "size");
    public static final int MAX_SIZE = 100;
    /**
     * How deep page numbers reach, {@code page × size} at most, as in the core's lists: an OFFSET makes the database
     * read and drop every row before the page, so deeper pages would cost a scan of the list.
     */
    public static final int MAX_DEPTH = 10_000;

    public Paging {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page from 1, size from 1 to " + MAX_SIZE);
        }
    }

    /** The request's page; a 400 problem naming {@code page} or {@code size} when out of range or deeper than {@link #MAX_DEPTH}. */
    public static Paging of(ApiCall call) {
        int size = call.intQuery("size", 20, 1, MAX_SIZE);
        return new Paging(call.intQuery("page", 1, 1, MAX_DEPTH / size), size);
    }

    /** {@code names} and the paging parameters: what a list endpoint reads from its query. */
    public static Set<String> with(String... names) {
        Set<String> all = new java.util.HashSet<>(PARAMS);
        all.addAll(List.of(names));
        return Set.copyOf(all);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** This page of a list computed whole (short lists such as a brand's stores). */
    public Map<String, Object> slice(List<?> all) {
        int from = (int) Math.min(offset(), all.size());
        return answer(all.subList(from, Math.min(all.size(), from + size)), all.size());
    }

    /** A page read with {@code LIMIT size OFFSET offset()}, and the count of the whole list. */
    public Map<String, Object> answer(List<?> items, long total) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", total);
        out.put("page", page);
        out.put("size", size);
        return out;
    }
}
