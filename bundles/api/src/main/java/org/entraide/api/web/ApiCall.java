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
}
