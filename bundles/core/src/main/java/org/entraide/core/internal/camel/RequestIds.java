package org.entraide.core.internal.camel;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of one HTTP request, in the {@code X-Request-Id} response header, every problem document and the request's
 * log line. A caller's (or a proxy's) id is kept when it is short and plain, so that one request can be followed
 * across hops; anything else could forge log lines or bloat them, and is replaced by a new id.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The exchange property holding the id while Camel handles the request. */
    public static final String PROPERTY = "entraide.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The incoming id when it is sane, else a new one. */
    public static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
