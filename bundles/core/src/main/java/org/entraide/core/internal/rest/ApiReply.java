package org.entraide.core.internal.rest;

/** The status, JSON body and optional Location of a successful response. */
public record ApiReply(int status, Object body, String location) {
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
}
