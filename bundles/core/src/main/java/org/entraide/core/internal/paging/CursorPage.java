package org.entraide.core.internal.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a long list that pages by keyset: {@code {"items","total","page","size","next"}}. {@code next} is the
 * cursor of the following page ({@code after=}), null on the last one. {@code page} and {@code total} are given when
 * the page was asked by number, and null after a cursor: counting the whole list at every step would cost a scan.
 */
public record CursorPage<T>(List<T> items, Long total, Integer page, int size, String next) {
    public CursorPage {
        items = List.copyOf(items);
    }

    public <R> CursorPage<R> map(Function<T, R> f) {
        return new CursorPage<>(items.stream().map(f).toList(), total, page, size, next);
    }
}
