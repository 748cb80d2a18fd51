package org.entraide.api.web;

/**
 * What lets a node keep pages and reads that everyone may see, and know when they are stale: a number per brand
 * that changes, on this node, as soon as a write to that brand is committed here (an event appended, or any write
 * through the API), before the write's caller gets its answer. Writes made on another node change it when this node
 * learns of them; a node that keeps copies therefore also bounds their age.
 *
 * <p>Provided by the core, bound in the shared CamelContext's registry under {@link #REGISTRY_NAME}. Any thread;
 * never blocks.
 */
public interface ContentVersions {
    /** The name under which the core binds it in the shared CamelContext's registry. */
    String REGISTRY_NAME = "entraideContentVersions";

    /** The brand's current version: a copy made at an older one may be stale. Unknown brands have one too. */
    long version(String brandSlug);
}
