package org.entraide.core.internal.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Caching headers of a public read (a question): an anonymous answer carries an ETag of its bytes and may be kept
 * briefly by browsers and shared caches, then revalidated ({@code If-None-Match} answers 304 without a body); a
 * signed-in reader's answer (their own votes, their permissions) is never stored anywhere.
 */
public final class HttpCaching {
    /**
     * Shared caches keep an anonymous read one second, then may serve it while they revalidate for ten more: a write
     * is seen by the next reader within about a second.
     */
    static final String PUBLIC = "public, max-age=1, stale-while-revalidate=10";
    static final String PERSONAL = "private, no-store";

    private HttpCaching() {
    }

    static void apply(String ifNoneMatch, Message out, byte[] body, boolean anonymous) {
        apply(ifNoneMatch, out, anonymous ? etag(body) : null);
    }

    /** The same with the tag already known ({@code null}: a signed-in reader's answer). */
    static void apply(String ifNoneMatch, Message out, String etag) {
        // a shared cache keys on the URL: the signed-in variant differs by its Authorization header
        out.setHeader("Vary", "Authorization, Accept-Encoding");
        if (etag == null) {
            out.setHeader("Cache-Control", PERSONAL);
            return;
        }
        out.setHeader("Cache-Control", PUBLIC);
        out.setHeader("ETag", etag);
        if (matches(ifNoneMatch, etag)) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            out.removeHeader(Exchange.CONTENT_TYPE);
            out.setBody(null);
        }
    }

    /** A strong validator of the exact bytes: the first 128 bits of their SHA-256. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code If-None-Match} names that tag (a list of tags, weak or strong, or {@code *}). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.strip();
            if (t.equals("*") || t.equals(etag) || t.startsWith("W/") && t.substring(2).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
