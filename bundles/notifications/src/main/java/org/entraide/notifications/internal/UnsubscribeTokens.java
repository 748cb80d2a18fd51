package org.entraide.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe tokens (RFC 8058): {@code base64url(brandId.memberId.kind).base64url(HMAC-SHA256)}.
 * They name what they stop, so that a link works without signing in, and only the platform can make one.
 */
final class UnsubscribeTokens {
    /** What a valid token names. */
    record Claim(long brandId, long memberId, String kind) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    UnsubscribeTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    static String newSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return B64.encodeToString(b);
    }

    String token(long brandId, long memberId, String kind) {
        String claim = brandId + "." + memberId + "." + kind;
        return B64.encodeToString(claim.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(claim));
    }

    /** The claim of a genuine token; null for anything else. */
    Claim verify(String token) {
        if (token == null || token.length() > 300) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            String claim = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(claim), given)) {
                return null;
            }
            String[] parts = claim.split("\\.", 3);
            if (parts.length != 3 || Kind.of(parts[2]) == null) {
                return null;
            }
            return new Claim(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(claim.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
