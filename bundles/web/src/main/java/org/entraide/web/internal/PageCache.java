package org.entraide.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The pages anonymous visitors get, kept on this node so that a page read by many is rendered once, not once per
 * visitor. A page is kept only when nothing in it is personal (no member, no form token, no cookie: {@link
 * WebReply#shareable()}), under its path, query and language, stamped with its brand's content version read
 * before it was rendered. It is served while that version is current and for half of {@code maxAgeNanos} (the core's
 * cache in front of Camel serves it for the other half while one request makes the next copy here): a write
 * acknowledged on this node moves the version first, so the next reader gets a fresh page; a write on another node is
 * seen at the latest when the copy is that old.
 */
final class PageCache {
    /** The brand pages everyone may read; the others (forms, tokens in links, consoles) are never kept. */
    private static final Pattern PUBLIC = Pattern.compile("/b/[a-z0-9-]{2,40}(?:/?|/questions(?:/[0-9]{1,18}(?:/[^/]*)?)?"
        + "|/(?:topics|tags)/[a-z0-9-]{1,40}(?:/feed\\.atom)?|/stores/[A-Za-z0-9_-]{1,32}(?:/feed\\.atom)?"
        + "|/sitemap\\.xml|/sitemaps/[a-z]+-[0-9]{1,6}\\.xml|/search|/complaints|/complaints/[0-9]{1,18}"
        + "|/users/[0-9]{1,18}|/leaderboard|/rankings|/posts/[0-9]{1,18}/history)");

    /** A kept page. */
    record Entry(long version, long madeAt, int status, String contentType, byte[] body, String etag,
                 Map<String, String> headers) {
    }

    private final int maxEntries;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    PageCache(int maxEntries, long maxAgeNanos, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > PageCache.this.maxEntries;
            }
        };
    }

    long maxAgeNanos() {
        return maxAgeNanos;
    }

    boolean enabled() {
        return maxEntries > 0 && maxAgeNanos > 0;
    }

    /** Whether a request may be answered from, or kept in, this cache at all. */
    static boolean candidate(String method, String path, Map<String, String> cookies, Map<String, String> query) {
        return ("GET".equals(method) || "HEAD".equals(method)) && !cookies.containsKey(Visit.SESSION)
            && !query.containsKey("lang") && PUBLIC.matcher(path).matches();
    }

    static String key(String path, String query, String language) {
        return language + ' ' + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The page kept under {@code key} if it is still current, or null. */
    Entry find(String key, long currentVersion) {
        Entry e;
        synchronized (entries) {
            e = entries.get(key);
        }
        // the first half of its age only: in the second, the core's cache in front of Camel sends one request here to
        // make the next copy, which a hit would not do
        if (e == null || e.version() != currentVersion || clock.getAsLong() - e.madeAt() >= maxAgeNanos / 2) {
            return null;
        }
        return e;
    }

    /** Keeps a page rendered at {@code version} (read before rendering), if it is shareable. */
    Entry keep(String key, long version, long madeAt, WebReply reply) {
        if (!enabled() || !reply.shareable() || reply.status() != 200 || reply.location() != null) {
            return null;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        Entry e = new Entry(version, madeAt, reply.status(), reply.contentType(), body, etag(body), reply.headers());
        synchronized (entries) {
            entries.put(key, e);
        }
        return e;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
