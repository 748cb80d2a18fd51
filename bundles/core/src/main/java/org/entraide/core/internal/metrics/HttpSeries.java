package org.entraide.core.internal.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@link HttpMetrics}: requests by route, method and status, and the latency histogram by route. */
final class HttpSeries {
    private HttpSeries() {
    }

    static void write(HttpMetrics http, PrometheusText out) {
        out.family("entraide_http_requests_total", "counter", "HTTP requests answered, by route (URI template), method and status");
        http.requests().forEach((k, count) -> out.sample("entraide_http_requests_total",
            PrometheusText.labels("route", k.route(), "method", k.method(), "status", Integer.toString(k.status())), count.sum()));
        out.family("entraide_http_request_duration_seconds", "histogram", "Time to answer HTTP requests, by route and method");
        http.latencies().forEach((t, h) -> {
            long cumulative = 0;
            for (int i = 0; i < HttpMetrics.BOUNDS.length; i++) {
                cumulative += h.buckets[i].sum();
                out.sample("entraide_http_request_duration_seconds_bucket", labels(t, Double.toString(HttpMetrics.BOUNDS[i])),
                    cumulative);
            }
            long count = h.count.sum();
            out.sample("entraide_http_request_duration_seconds_bucket", labels(t, "+Inf"), count);
            Map<String, String> plain = PrometheusText.labels("route", t.route(), "method", t.method());
            out.sample("entraide_http_request_duration_seconds_count", plain, count);
            out.sample("entraide_http_request_duration_seconds_sum", plain, h.sumNanos.sum() / 1e9);
        });
    }

    private static Map<String, String> labels(HttpMetrics.Timing t, String le) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("route", t.route());
        l.put("method", t.method());
        l.put("le", le);
        return l;
    }
}
