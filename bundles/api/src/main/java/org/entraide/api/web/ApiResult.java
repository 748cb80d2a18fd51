package org.entraide.api.web;

/** A successful answer: status, JSON body (may be null) and the Location of a created resource. */
public record ApiResult(int status, Object body, String location) {
    public ApiResult {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a result is a 2xx; throw a ProblemException for errors");
        }
    }

    public static ApiResult ok(Object body) {
        return new ApiResult(200, body, null);
    }

    public static ApiResult created(String location, Object body) {
        return new ApiResult(201, body, location);
    }

    public static ApiResult noContent() {
        return new ApiResult(204, null, null);
    }
}
