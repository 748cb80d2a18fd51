package org.entraide.core.internal.paging;

import java.util.List;

/** A short list that is never paginated, as such list endpoints answer it: {@code {"items"}}. */
public record Items<T>(List<T> items) {
    public Items {
        items = List.copyOf(items);
    }
}
