package org.entraide.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed reply tokens, the {@code +tag} of a notification e-mail's {@code Reply-To}: they name the recipient, the
 * brand and the thread (a question or a complaint) a reply goes to, and the day they were issued, so that a reply
 * is accepted only from the thread it answers and only for a while. Signed with the unsubscribe links' secret
 * (HMAC-SHA256) under another purpose, so that neither kind of token is ever accepted as the other.
 *
 * <p>Format: {@code <brand>.<member>.<q|c><thread>.<day>.<mac>}, numbers in base 36, the MAC's first 12 bytes in hex:
 * lower case only, because some mail systems change the case of an address, and short enough for the 64 characters
 * of an address's local part with the {@code reply+} before it.
 */
final class ReplyTokens {
    static final String QUESTION = "question";
    static final String COMPLAINT = "complaint";
    private static final String PURPOSE = "reply:";
    private static final int MAC_BYTES = 12;

    /** What a valid token names. */
    record Claim(long brandId, long memberId, String threadType, long threadId) {
    }

    private final byte[] secret;
    private final Clock clock;
    private final Duration lifetime;

    ReplyTokens(String secret, Clock clock, Duration lifetime) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** @return null for a thread type replies cannot go to */
    String token(long brandId, long memberId, String threadType, long threadId) {
        String t = QUESTION.equals(threadType) ? "q" : COMPLAINT.equals(threadType) ? "c" : null;
        if (t == null) {
            return null;
        }
        long day = clock.instant().getEpochSecond() / 86_400;
        String claim = b36(brandId) + "." + b36(memberId) + "." + t + b36(threadId) + "." + b36(day);
        return claim + "." + HexFormat.of().formatHex(mac(claim));
    }

    /** The claim of a genuine token issued less than the lifetime ago; null for anything else. */
    Claim verify(String token) {
        if (token == null || token.length() > 100) {
            return null;
        }
        String t = token.toLowerCase(Locale.ROOT);
        int last = t.lastIndexOf('.');
        if (last <= 0) {
            return null;
        }
        String claim = t.substring(0, last);
        try {
            byte[] given = HexFormat.of().parseHex(t.substring(last + 1));
            if (!MessageDigest.isEqual(mac(claim), given)) {
                return null;
            }
            String[] parts = claim.split("\\.");
            if (parts.length != 4 || parts[2].length() < 2) {
                return null;
            }
            long day = Long.parseLong(parts[3], 36);
            long today = clock.instant().getEpochSecond() / 86_400;
            if (day > today || (today - day) * 86_400 > lifetime.toSeconds()) {
                return null;
            }
            String type = parts[2].charAt(0) == 'q' ? QUESTION : parts[2].charAt(0) == 'c' ? COMPLAINT : null;
            if (type == null) {
                return null;
            }
            return new Claim(Long.parseLong(parts[0], 36), Long.parseLong(parts[1], 36), type,
                Long.parseLong(parts[2].substring(1), 36));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String b36(long n) {
        return Long.toString(n, 36);
    }

    private byte[] mac(String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal((PURPOSE + claim).getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
