package org.entraide.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.entraide.web}; every key and its default is in {@code config/org.entraide.web.cfg}. */
@ObjectClassDefinition(name = "Entraide web")
@interface WebConfig {
    @AttributeDefinition(description = "slug of the brand whose community the root path / redirects to")
    String homeBrand() default "demo";

    @AttributeDefinition(description = "public base URL of the site (scheme, host, optional port and path, no query): "
        + "the sitemap and every absolute link are built on it, never on the request's Host header")
    String public_base_url() default PublicBaseUrl.DEFAULT;

    @AttributeDefinition(description = "most URLs in one sitemap file (the sitemaps.org protocol allows 50,000); "
        + "the brand's sitemap index lists as many files as its public pages need")
    int sitemap_max_urls() default 50_000;

    @AttributeDefinition(description = "most anonymous pages kept in memory on this node (0: none kept)")
    int page_cache_entries() default 1000;

    @AttributeDefinition(description = "longest time, in milliseconds, an anonymous page is served from memory; a write "
        + "on this node makes it stale at once, one on another node after this time at the latest (0: none kept)")
    int page_cache_millis() default 1000;
}
