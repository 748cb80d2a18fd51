/**
 * Figures a plugin adds to the platform's Prometheus metrics ({@code GET /metrics}): a plugin provides a
 * {@link org.entraide.api.metrics.MetricSource} service, the platform reads it at each scrape.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.entraide.api.metrics;
