package org.entraide.core.internal.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP requests counted by route, method and status, and their latency as a cumulative histogram by route and
 * method. Routes are URI templates (or {@code web} and {@code unmatched}), never raw paths, so the number of
 * series stays bounded whatever clients request.
 */
public final class HttpMetrics {
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    public record Key(String route, String method, int status) {
    }

    public record Timing(String route, String method) {
    }

    /** One histogram: the count per bucket (not cumulative), the count and the sum in nanoseconds. */
    public static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BOUNDS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BOUNDS.length; i++) {
                if (seconds <= BOUNDS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Timing, Histogram> latencies = new ConcurrentHashMap<>();

    public void record(String route, String method, int status, long nanos) {
        requests.computeIfAbsent(new Key(route, method, status), k -> new LongAdder()).increment();
        latencies.computeIfAbsent(new Timing(route, method), k -> new Histogram()).observe(nanos);
    }

    Map<Key, LongAdder> requests() {
        return requests;
    }

    Map<Timing, Histogram> latencies() {
        return latencies;
    }
}
