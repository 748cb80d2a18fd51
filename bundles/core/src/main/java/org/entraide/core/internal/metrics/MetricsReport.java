package org.entraide.core.internal.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.entraide.api.metrics.Gauge;
import org.entraide.api.metrics.MetricSource;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.event.EventMonitor;
import org.entraide.jdbc.Sql;

/**
 * What {@code GET /metrics} answers: HTTP traffic, event dispatch, e-mail, the database pool and the JVM, read when
 * scraped (the database figures are a few counts on indexed columns).
 */
public final class MetricsReport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MetricsReport.class);
    private final Database db;
    private final EventMonitor monitor;
    private final Supplier<HttpMetrics> http;
    /** What plugins add (local managers: complaints late per brand). */
    private final List<MetricSource> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param http the HTTP figures of the CamelContext the routes run in (none before it is connected) */
    public MetricsReport(Database db, EventMonitor monitor, Supplier<HttpMetrics> http) {
        this.db = db;
        this.monitor = monitor;
        this.http = http;
    }

    public void add(MetricSource source) {
        sources.add(source);
    }

    public void remove(MetricSource source) {
        sources.remove(source);
    }

    public String scrape() {
        PrometheusText out = new PrometheusText();
        HttpMetrics traffic = http.get();
        if (traffic != null) {
            HttpSeries.write(traffic, out);
        }
        events(out);
        mail(out);
        PoolSeries.write(db.dataSource(), out);
        JvmSeries.write(out);
        for (MetricSource source : sources) {
            plugin(source, out);
        }
        return out.toString();
    }

    /** A plugin's gauges; a failing source is left out of this scrape, never fails it. */
    private static void plugin(MetricSource source, PrometheusText out) {
        List<Gauge> gauges;
        try {
            gauges = List.copyOf(source.gauges());
        } catch (RuntimeException e) {
            LOG.warn("Metrics of {} left out of this scrape: {}", source.getClass().getName(), e.toString());
            return;
        }
        for (Gauge g : gauges) {
            out.family(g.name(), "gauge", g.help());
            g.samples().forEach(s -> out.sample(g.name(), new java.util.TreeMap<>(s.labels()), s.value()));
        }
    }

    private void events(PrometheusText out) {
        List<EventMonitor.SubscriberStatus> subscribers = monitor.subscribers();
        out.family("entraide_event_subscriber_lag", "gauge", "Events a subscriber has still to apply");
        subscribers.forEach(s -> out.sample("entraide_event_subscriber_lag", labels(s), s.lag()));
        out.family("entraide_event_subscriber_applied_total", "counter", "Events a subscriber has applied");
        subscribers.forEach(s -> out.sample("entraide_event_subscriber_applied_total", labels(s), s.applied()));
        out.family("entraide_event_subscriber_events_per_second", "gauge", "Events a subscriber applied per second lately, on this node");
        subscribers.forEach(s -> out.sample("entraide_event_subscriber_events_per_second", labels(s), s.eventsPerSecond()));
        out.family("entraide_event_subscriber_failures_total", "counter", "Failed attempts at applying an event");
        subscribers.forEach(s -> out.sample("entraide_event_subscriber_failures_total", labels(s), s.failures()));
        out.family("entraide_event_dead_letters", "gauge", "Events parked after too many failures, not replayed");
        subscribers.forEach(s -> out.sample("entraide_event_dead_letters", labels(s), s.deadLetters()));
    }

    private static Map<String, String> labels(EventMonitor.SubscriberStatus s) {
        return PrometheusText.labels("subscriber", s.name(), "installed", Boolean.toString(s.installed()));
    }

    private void mail(PrometheusText out) {
        Map<String, Long> byStatus = db.inTransaction(c -> new java.util.TreeMap<>(Map.of(
            "queued", Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'QUEUED'"),
            "failed", Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'FAILED'"),
            "sent", Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'"))));
        out.family("entraide_mail_messages", "gauge", "E-mail messages in the outbox, by status (queued: waiting to be sent)");
        byStatus.forEach((status, n) -> out.sample("entraide_mail_messages", Map.of("status", status), n));
    }
}
