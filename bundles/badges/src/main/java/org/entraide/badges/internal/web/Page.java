package org.entraide.badges.internal.web;

import java.util.List;

import org.entraide.api.web.ApiCall;

/** A page of a list, shaped like every list of the API: {@code {"items", "total", "page", "size"}}. */
record Page<T>(List<T> items, long total, int page, int size) {
    static final int MAX_SIZE = 100;

    /** The page the query asks for ({@code page} from 1, {@code size} up to 100). */
    record Request(int page, int size) {
        static Request of(ApiCall call, int defaultSize) {
            return new Request(call.intQuery("page", 1, 1, 10_000), call.intQuery("size", defaultSize, 1, MAX_SIZE));
        }

        int offset() {
            return (page - 1) * size;
        }

        /** This page of a list held whole in memory. */
        <T> Page<T> of(List<T> all) {
            int from = Math.min(all.size(), offset());
            return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), all.size(), page, size);
        }
    }
}
