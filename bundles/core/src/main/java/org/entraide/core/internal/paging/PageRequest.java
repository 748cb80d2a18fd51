package org.entraide.core.internal.paging;

import org.entraide.api.problem.ProblemException;

/** A 1-based page number and a page size of at most 100. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 1) {
            throw ProblemException.invalid("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** A long: a huge page number times the size overflows an int into a negative offset. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
