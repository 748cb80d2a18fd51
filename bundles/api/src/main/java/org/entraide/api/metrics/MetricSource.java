package org.entraide.api.metrics;

import java.util.List;

/**
 * Implemented by plugins, provided as an OSGi service: gauges the platform exposes at {@code GET /metrics} beside its
 * own. Called by the platform on the thread of the scraping request, once per scrape; it may read the plugin's own
 * tables and should answer within milliseconds (monitoring scrapes every few seconds). An exception leaves this
 * source's gauges out of that scrape and is logged; it never fails the scrape.
 */
public interface MetricSource {
    /** The gauges as they are now; an empty list when there is nothing to report. */
    List<Gauge> gauges();
}
