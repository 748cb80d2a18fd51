package org.entraide.core.internal.paging;

import org.entraide.api.problem.ProblemException;

/**
 * A 1-based page number and a page size of at most 100, reaching at most {@link #MAX_DEPTH} items deep: an OFFSET
 * makes the database read and drop every item before the page, so deep pages would cost a scan of the list.
 */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 100;
    /** How deep page numbers reach: {@code page × size} at most. */
    public static final int MAX_DEPTH = 10_000;

    public PageRequest {
        if (page < 1) {
            throw ProblemException.invalid("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if (tooDeep(page, size)) {
            throw ProblemException.invalid("page", "page × size may not exceed " + MAX_DEPTH
                + ": narrow the list with its filters");
        }
    }

    /** Whether a page would reach further than {@link #MAX_DEPTH} items. */
    public static boolean tooDeep(int page, int size) {
        return (long) page * size > MAX_DEPTH;
    }

    /** A long: a huge page number times the size overflows an int into a negative offset. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
