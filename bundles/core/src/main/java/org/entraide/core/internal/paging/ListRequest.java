package org.entraide.core.internal.paging;

import org.entraide.api.problem.ProblemException;

/**
 * How a client asks for one page of a long list: by page number (the first pages only, see
 * {@link PageRequest#MAX_DEPTH}) or after the opaque cursor of the previous page, which reads the next page as an
 * index range however deep it is. {@code after} is null for a page number, and {@code page} null for a cursor.
 */
public record ListRequest(PageRequest page, String after, int size) {
    public ListRequest {
        if ((page == null) == (after == null)) {
            throw new IllegalArgumentException("a page number or a cursor, exactly one");
        }
    }

    /**
     * From the query parameters: {@code page} and {@code after} are exclusive; a page number too deep is refused
     * with a pointer to {@code after}, which every keyset list's {@code next} and Link header give.
     */
    public static ListRequest of(Integer page, Integer size, String after) {
        int n = size == null ? 20 : size;
        if (after != null) {
            if (page != null) {
                throw ProblemException.invalid("page", "give page or after, not both");
            }
            // validates the size alone
            new PageRequest(1, n);
            return new ListRequest(null, after, n);
        }
        int p = page == null ? 1 : page;
        if (p >= 1 && n >= 1 && n <= PageRequest.MAX_SIZE && PageRequest.tooDeep(p, n)) {
            throw ProblemException.invalid("page", "page × size may not exceed " + PageRequest.MAX_DEPTH
                + ": go on with the after cursor that each page gives as next (and in its Link header)");
        }
        return new ListRequest(new PageRequest(p, n), null, n);
    }

    /** The first page, as a page number. */
    public static ListRequest first(int size) {
        return new ListRequest(new PageRequest(1, size), null, size);
    }
}
