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

    /** A body that is not JSON, such as a CSV export: sent as it is, with its media type. */
    public record Text(String mediaType, String content) {
        public Text {
            java.util.Objects.requireNonNull(mediaType, "mediaType");
            java.util.Objects.requireNonNull(content, "content");
        }
    }

    /** A 200 with a text body (a CSV export). */
    public static ApiResult text(String mediaType, String content) {
        return new ApiResult(200, new Text(mediaType, content), null);
    }

    /**
     * A body of bytes that is the same for every reader (an image): sent with its media type, kept a while by
     * browsers and never run as a page.
     *
     * @since 1.2
     */
    public record Bytes(String mediaType, byte[] content) {
        public Bytes {
            java.util.Objects.requireNonNull(mediaType, "mediaType");
            java.util.Objects.requireNonNull(content, "content");
        }
    }

    /** A 200 with a public body of bytes, such as a PNG image. @since 1.2 */
    public static ApiResult bytes(String mediaType, byte[] content) {
        return new ApiResult(200, new Bytes(mediaType, content), null);
    }

    /**
     * A body of bytes for this reader only (a complaint's attachment): sent with its media type and
     * {@code Cache-Control: private, no-store}, so that neither a shared cache nor the browser keeps it, and never
     * run as a page.
     *
     * @since 1.3
     */
    public record PrivateBytes(String mediaType, byte[] content) {
        public PrivateBytes {
            java.util.Objects.requireNonNull(mediaType, "mediaType");
            java.util.Objects.requireNonNull(content, "content");
        }
    }

    /** A 200 with a private body of bytes. @since 1.3 */
    public static ApiResult privateBytes(String mediaType, byte[] content) {
        return new ApiResult(200, new PrivateBytes(mediaType, content), null);
    }

    public static ApiResult noContent() {
        return new ApiResult(204, null, null);
    }
}
