package org.entraide.api.plugin;

/**
 * Which capabilities each brand enabled. The platform provides it. It reads a cache refreshed on
 * every change, so it may be called on hot paths; it does not block.
 */
public interface BrandFeatures {
    /** Whether {@code capability} is installed and enabled for the brand. */
    boolean isEnabled(long brandId, String capability);
}
