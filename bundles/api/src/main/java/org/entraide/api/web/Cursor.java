package org.entraide.api.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.entraide.api.problem.ProblemException;

/**
 * Where a keyset list goes on: the sort key and id of the last item of the previous page. On the wire it is opaque
 * (base64url) and bound to its brand and to its list (the list's name, sort and filters, as a {@code scope}), with a
 * checksum: a cursor altered, cut, or taken from another brand or list is a 400, not a page of something else. The
 * checksum is no secret (the lists are public): it makes a mistake fail loudly, not a forgery impossible. A personal
 * list (a member's notifications, a manager's inbox) names its member in its scope, so that one member's cursor is
 * refused on another's list. The core's long lists and the plugins' ({@link CursorPaging}) use it alike.
 */
public record Cursor(String key, long id) {
    /** Longer than any cursor this class writes; a longer value is refused before it is decoded. */
    private static final int MAX_LENGTH = 200;
    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public Cursor {
        if (key.isEmpty() || key.indexOf('|') >= 0 || id < 1) {
            throw new IllegalArgumentException("a cursor needs a key without '|' and a positive id");
        }
    }

    /** The cursor after an item ordered by a time and its id. */
    public static Cursor after(Instant at, long id) {
        return new Cursor(at.getEpochSecond() + "." + at.getNano(), id);
    }

    /** The cursor after an item ordered by a number and its id. */
    public static Cursor after(long number, long id) {
        return new Cursor(Long.toString(number), id);
    }

    public String encode(long brandId, String scope) {
        String payload = VERSION + "|" + brandId + "|" + hash(scope) + "|" + key + "|" + id;
        return ENCODER.encodeToString((payload + "|" + check(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code token} names, if it was written for this brand's list {@code scope}; else a 400 on after. */
    public static Cursor decode(String token, long brandId, String scope) {
        if (token.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 6) {
            throw invalid();
        }
        String payload = text.substring(0, text.lastIndexOf('|'));
        if (!MessageDigest.isEqual(check(payload).getBytes(StandardCharsets.UTF_8), parts[5].getBytes(StandardCharsets.UTF_8))
                || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        if (!parts[1].equals(Long.toString(brandId)) || !parts[2].equals(hash(scope))) {
            throw ProblemException.invalid("after", "this cursor belongs to another list: keep the filters and sort "
                + "of the page that gave it");
        }
        try {
            return new Cursor(parts[3], Long.parseLong(parts[4]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The key as a time; a 400 when it is none (a cursor of a list ordered otherwise). */
    public Instant instant() {
        try {
            int dot = key.indexOf('.');
            return Instant.ofEpochSecond(Long.parseLong(key.substring(0, dot)), Long.parseLong(key.substring(dot + 1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** The key as a number; a 400 when it is none. */
    public long number() {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("after", "not a cursor of this list: use the next value of a page as it is");
    }

    private static String check(String payload) {
        return HexFormat.of().formatHex(sha256("entraide-cursor|" + payload), 0, 6);
    }

    private static String hash(String scope) {
        return HexFormat.of().formatHex(sha256(scope), 0, 4);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
