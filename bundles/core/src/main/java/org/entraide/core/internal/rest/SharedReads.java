package org.entraide.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.entraide.api.web.ContentVersions;

/**
 * Anonymous answers that are the same for every reader ({@link ApiReply#shared()}: a question with its answers), kept
 * on this node under their URI and served again while their brand's content version has not moved and for at most
 * {@code maxAgeNanos}: a write acknowledged on this node moves the version before its answer, one on another node is
 * seen when the copy is that old.
 */
final class SharedReads {
    record Kept(long version, long madeAt, byte[] body, String etag) {
    }

    private final ContentVersions versions;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Map<String, Kept> kept;

    SharedReads(ContentVersions versions, int maxEntries, long maxAgeNanos, LongSupplier clock) {
        this.versions = versions;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > maxEntries;
            }
        };
    }

    long version(String brand) {
        return versions.version(brand);
    }

    long maxAgeNanos() {
        return maxAgeNanos;
    }

    long now() {
        return clock.getAsLong();
    }

    Kept find(String key, long version) {
        Kept k;
        synchronized (kept) {
            k = kept.get(key);
        }
        // the first half of its age only: in the second, the cache in front of Camel sends one request here to make the
        // next copy, which a hit would not do
        return k == null || k.version() != version || clock.getAsLong() - k.madeAt() >= maxAgeNanos / 2 ? null : k;
    }

    void keep(String key, long version, long madeAt, byte[] body, String etag) {
        synchronized (kept) {
            kept.put(key, new Kept(version, madeAt, body, etag));
        }
    }
}
