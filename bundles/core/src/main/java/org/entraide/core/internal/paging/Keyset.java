package org.entraide.core.internal.paging;

import java.util.List;
import java.util.function.Function;

import org.entraide.api.web.Cursor;

/**
 * The SQL of one page of a list ordered by a key column then by id, both descending, whose ties the id breaks: by
 * page number (LIMIT and a bounded OFFSET) or after a {@link Cursor} (a range of the index on the key and id, however
 * deep). One more row than the page holds is read, to know whether a next page exists.
 */
public final class Keyset {
    private final String column;
    private final String id;
    private final boolean time;

    private Keyset(String column, String id, boolean time) {
        this.column = column;
        this.id = id;
        this.time = time;
    }

    /** A list ordered by a timestamp column, such as {@code p.created_at}, then by {@code id}. */
    public static Keyset byTime(String column, String id) {
        return new Keyset(column, id, true);
    }

    /** A list ordered by a number column, such as {@code p.score}, then by {@code id}. */
    public static Keyset byNumber(String column, String id) {
        return new Keyset(column, id, false);
    }

    /** The condition (starting with AND) that keeps the items after {@code cursor}, its parameters added. */
    public String after(Cursor cursor, List<Object> params) {
        Object key = time ? cursor.instant() : cursor.number();
        params.add(key);
        params.add(key);
        params.add(cursor.id());
        // the first term bounds the index range on H2 and PostgreSQL alike; the second drops the ties already given
        return " AND " + column + " <= ? AND (" + column + " < ? OR " + id + " < ?)";
    }

    /** ORDER BY and LIMIT (and OFFSET for a page number), their parameters added. */
    public String orderAndLimit(ListRequest request, List<Object> params) {
        String order = " ORDER BY " + column + " DESC, " + id + " DESC LIMIT ?";
        params.add(request.size() + 1);
        if (request.page() == null) {
            return order;
        }
        params.add(request.page().offset());
        return order + " OFFSET ?";
    }

    /**
     * The page of {@code rows} (as read with {@link #orderAndLimit}): its items, and the cursor of its last item as
     * {@code next} when one more row was read. {@code total} is null after a cursor.
     */
    public static <R, T> CursorPage<T> page(List<R> rows, ListRequest request, Long total, Function<R, Cursor> key,
                                            long brandId, String scope, Function<R, T> view) {
        boolean more = rows.size() > request.size();
        List<R> shown = more ? rows.subList(0, request.size()) : rows;
        String next = more ? key.apply(shown.get(shown.size() - 1)).encode(brandId, scope) : null;
        return new CursorPage<>(shown.stream().map(view).toList(), total,
            request.page() == null ? null : request.page().page(), request.size(), next);
    }
}
