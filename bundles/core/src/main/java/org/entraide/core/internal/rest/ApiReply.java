package org.entraide.core.internal.rest;

/**
 * The status, JSON body and optional Location of a successful response. {@code shared}: the same for every
 * anonymous reader, so that an anonymous request's answer may be kept by browsers and shared caches (a CDN, a
 * reverse proxy) and revalidated by its ETag; a signed-in reader's answer is never stored.
 */
public record ApiReply(int status, Object body, String location, boolean shared) {
    public ApiReply(int status, Object body, String location) {
        this(status, body, location, false);
    }

    /** 200 with a body that is the same for every anonymous reader (a public question). */
    public static ApiReply shared(Object body) {
        return new ApiReply(200, body, null, true);
    }

    public static ApiReply ok(Object body) {
        return new ApiReply(200, body, null);
    }

    /** 201 with the new resource's id in the body and its URL in the Location header. */
    public static ApiReply created(String location, Object body) {
        return new ApiReply(201, body, location);
    }

    /** 202: taken; the outcome is told elsewhere. */
    public static ApiReply accepted(Object body) {
        return new ApiReply(202, body, null);
    }

    public static ApiReply noContent() {
        return new ApiReply(204, null, null);
    }

    /** A body of bytes that the server made itself (an avatar it re-encoded), with its media type. */
    public record Binary(String mediaType, byte[] content) {
    }

    /** 200 with bytes the same for every reader, which browsers may keep a few minutes. */
    public static ApiReply image(String mediaType, byte[] content) {
        return new ApiReply(200, new Binary(mediaType, content), null, true);
    }
}
