package org.entraide.core.internal.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it: {@code {"items","total","page","size"}}. */
public record Page<T>(List<T> items, long total, int page, int size) {
    public Page(List<T> items, long total, PageRequest request) {
        this(List.copyOf(items), total, request.page(), request.size());
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }
}
