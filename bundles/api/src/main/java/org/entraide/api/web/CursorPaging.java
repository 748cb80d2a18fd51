package org.entraide.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.entraide.api.problem.ProblemException;

/**
 * How a plugin's long list is asked, as the core's long lists are: by page number ({@code ?page=&size=}, the first
 * {@link Paging#MAX_DEPTH} items only) or after the opaque {@link Cursor} of the previous page ({@code ?after=&size=}),
 * which the plugin reads as a range of an index however deep it is. The answer is
 * {@code {"items","total","page","size","next"}}: {@code next} is the following page's cursor (null on the last
 * page), {@code page} and {@code total} are null after a cursor (counting the whole list at every step would cost a
 * scan). The core adds the {@code Link} header ({@code rel="next"} with {@code after=}, {@code rel="prev"} by number).
 * Declare {@link #PARAMS} (or {@link #with}) as the endpoint's query parameters.
 *
 * @param page the page number asked, or null after a cursor
 * @param after the cursor asked, as sent, or null for a page number
 */
public record CursorPaging(Integer page, String after, int size) {
    public static final Set<String> PARAMS = Set.of("page", "size", "after");

    public CursorPaging {
        if ((page == null) == (after == null) || size < 1 || size > Paging.MAX_SIZE || page != null && page < 1) {
            throw new IllegalArgumentException("a page number from 1 or a cursor, exactly one; size from 1 to " + Paging.MAX_SIZE);
        }
    }

    /**
     * The request's page: a 400 problem naming {@code page}, {@code size} or {@code after} when out of range, when both
     * a page and a cursor are given, or when a page number reaches deeper than {@link Paging#MAX_DEPTH}.
     */
    public static CursorPaging of(ApiCall call) {
        int size = call.intQuery("size", 20, 1, Paging.MAX_SIZE);
        String after = call.query("after");
        if (after != null) {
            if (call.query("page") != null) {
                throw ProblemException.invalid("page", "give page or after, not both");
            }
            if (after.isEmpty()) {
                throw ProblemException.invalid("after", "not a cursor of this list: use the next value of a page as it is");
            }
            return new CursorPaging(null, after, size);
        }
        int page = call.intQuery("page", 1, 1, Integer.MAX_VALUE);
        if ((long) page * size > Paging.MAX_DEPTH) {
            throw ProblemException.invalid("page", "page × size may not exceed " + Paging.MAX_DEPTH
                + ": go on with the after cursor that each page gives as next (and in its Link header)");
        }
        return new CursorPaging(page, null, size);
    }

    /** {@code names} and the paging parameters: what a keyset list endpoint reads from its query. */
    public static Set<String> with(String... names) {
        Set<String> all = new java.util.HashSet<>(PARAMS);
        all.addAll(List.of(names));
        return Set.copyOf(all);
    }

    /**
     * The cursor asked, checked against the brand and the list's {@code scope} (its name, its member and its
     * filters); null for a page number. A cursor altered, or given by another brand's, member's or filter's list, is a
     * 400 problem naming {@code after}.
     */
    public Cursor cursor(long brandId, String scope) {
        return after == null ? null : Cursor.decode(after, brandId, scope);
    }

    /** The rows to skip: those of the pages before a page number, none after a cursor (the range starts there). */
    public long offset() {
        return page == null ? 0 : (long) (page - 1) * size;
    }

    /** How many rows to read: one more than the page shows, which tells whether a next page exists. */
    public int limit() {
        return size + 1;
    }

    /**
     * The answer of the {@code rows} read with {@link #limit()}: the page's items ({@code view} of each row), and the
     * cursor of the last one shown as {@code next} when one more row was read. {@code total} is called for a page
     * number only.
     */
    public <R> Map<String, Object> answer(List<R> rows, Function<R, Cursor> key, long brandId, String scope,
                                          Function<R, ?> view, LongSupplier total) {
        boolean more = rows.size() > size;
        List<R> shown = more ? rows.subList(0, size) : rows;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", shown.stream().map(view).toList());
        out.put("total", page == null ? null : total.getAsLong());
        out.put("page", page);
        out.put("size", size);
        out.put("next", more ? key.apply(shown.get(shown.size() - 1)).encode(brandId, scope) : null);
        return out;
    }
}
