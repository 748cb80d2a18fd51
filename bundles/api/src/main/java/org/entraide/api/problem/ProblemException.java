package org.entraide.api.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as an RFC 9457 problem detail with {@link #status()}.
 * Services and plugins throw it; the HTTP layer never turns it into a 500.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail,
                            List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, null, null);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", "Some fields are invalid.", errors, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Authentication required", detail, null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, null);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Request too large", detail, null, null);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail, null, null);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "rate-limited", "Too many requests", detail, null,
            Map.of("retryAfter", retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    /** A short stable code; the HTTP layer turns it into the problem's type URI. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem document (for example the threshold a privilege needs). */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
