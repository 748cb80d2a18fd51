package org.entraide.core.internal.freshness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.entraide.api.web.ContentVersions;

/**
 * This node's version of each brand's public content. The core moves a brand's version after each committed
 * transaction that appended one of its events, and after each write request to its part of the API, always before
 * the writer gets its answer: a copy stamped with the version read before it was made is therefore never served
 * after the write it missed was acknowledged on this node. Writes on other nodes are not seen here; copies bound
 * their age instead (the web's page cache keeps a page one second by default).
 */
public final class ContentVersionTracker implements ContentVersions {
    private final Map<String, AtomicLong> brands = new ConcurrentHashMap<>();
    private final Map<Long, String> slugs = new ConcurrentHashMap<>();
    /** Moved by what may change every brand's pages (a capability installed or removed). */
    private final AtomicLong everyBrand = new AtomicLong();

    @Override
    public long version(String brandSlug) {
        AtomicLong v = brands.get(brandSlug);
        return everyBrand.get() + (v == null ? 0 : v.get());
    }

    public void moved(String brandSlug) {
        if (brandSlug != null) {
            brands.computeIfAbsent(brandSlug, s -> new AtomicLong()).incrementAndGet();
        }
    }

    public void everyBrandMoved() {
        everyBrand.incrementAndGet();
    }

    /** The slug of a brand id already seen, or null; brands never change their slug. */
    public String knownSlug(long brandId) {
        return slugs.get(brandId);
    }

    public void remember(long brandId, String slug) {
        if (slug != null) {
            slugs.put(brandId, slug);
        }
    }
}
