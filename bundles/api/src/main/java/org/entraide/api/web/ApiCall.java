package org.entraide.api.web;

import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;

/** A request to an endpoint, as its handler sees it. Every method may throw a ProblemException (4xx). */
public interface ApiCall {
    /** The brand of the URL's {brand}; 404 when none has that slug. */
    Brand brand();

    /**
     * The authenticated caller; 401 without a valid bearer token, 403 when the token belongs to an account of
     * another brand than the URL's {brand}.
     */
    Caller caller();

    /** The caller when the request carries a valid token of the URL's brand; another brand's token counts as none. */
    Optional<Caller> optionalCaller();

    /** A path parameter of the route's URI template. */
    String path(String name);

    /** A positive numeric path parameter; 404 otherwise. */
    long pathId(String name);

    /** A query parameter, or null. */
    String query(String name);

    /**
     * A whole-number query parameter from {@code min} to {@code max}, {@code fallback} when absent; a 400 problem
     * naming the parameter otherwise.
     */
    default int intQuery(String name, int fallback, int min, int max) {
        String raw = query(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw org.entraide.api.problem.ProblemException.invalid(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw org.entraide.api.problem.ProblemException.invalid(name, "must be an integer");
        }
    }

    /** The JSON body read within the size limit, mapped and validated (Jakarta Validation); 400, 413 or 415 otherwise. */
    <T> T body(Class<T> type);

    String authorizationHeader();

    /**
     * A request header as the client sent it (such as {@code Accept}), never a query parameter of the same name;
     * null when absent.
     *
     * @since 1.2
     */
    default String header(String name) {
        return null;
    }

    /**
     * The client's address (the connection's, or the one a trusted proxy reported), for rate limits of anonymous
     * callers; "unknown" when there is none.
     *
     * @since 1.2
     */
    default String clientAddress() {
        return "unknown";
    }

    /**
     * A raw body (a picture), of one of the media types the endpoint declared with
     * {@link ApiEndpoints#uploadProcessor}, at most its size. {@code mediaType} is the declared Content-Type, in lower
     * case and without parameters: it is the client's claim, which the handler checks against the bytes.
     *
     * @since 1.3
     */
    record Upload(String mediaType, byte[] bytes) {
        public Upload {
            java.util.Objects.requireNonNull(mediaType, "mediaType");
            java.util.Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * The raw body of an endpoint made by {@link ApiEndpoints#uploadProcessor}; a 415 problem for another media type,
     * 413 when larger than the endpoint's limit. An endpoint that declared no upload throws IllegalStateException.
     *
     * @since 1.3
     */
    default Upload upload() {
        throw new IllegalStateException("this endpoint declares no upload");
    }
}
