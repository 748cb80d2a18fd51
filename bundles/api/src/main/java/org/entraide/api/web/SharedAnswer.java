package org.entraide.api.web;

import java.util.Map;

/**
 * An answer every visitor of a URL gets, as a bundle hands it to {@link SharedAnswers}: its status, every header it is
 * sent with (content type, caching, security headers) and its bytes.
 *
 * @param key          from {@link SharedAnswers#key}, for the request it was made for
 * @param brand        the brand slug whose {@link ContentVersions content version} it was made at
 * @param version      that version, read before the answer was made
 * @param madeAtNanos  {@link System#nanoTime()} when it was made
 * @param maxAgeNanos  how long it may be served at most, whatever the version
 * @param route        the name the request log and metrics give its requests ({@code web}, or the API's URI template)
 * @param status       the HTTP status (200)
 * @param headers      every response header but {@code Content-Length}, {@code Date} and {@code X-Request-Id}
 * @param body         the bytes; never changed once kept
 * @param etag         the strong validator of {@code body}, for {@code If-None-Match}
 * @param compressible whether it is also sent gzip-compressed to clients that accept it
 */
public record SharedAnswer(String key, String brand, long version, long madeAtNanos, long maxAgeNanos, String route,
                           int status, Map<String, String> headers, byte[] body, String etag, boolean compressible) {
    public SharedAnswer {
        headers = Map.copyOf(headers);
    }
}
