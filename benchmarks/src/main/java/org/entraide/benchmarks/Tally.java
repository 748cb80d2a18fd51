package org.entraide.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/** What one client saw in one phase; owned by that client's thread, merged once the phase is over. */
final class Tally {
    private static final int MAX_SAMPLES = 3;

    /** Latencies of successful requests in nanoseconds, 3 significant digits, resized as needed. */
    final Histogram latencies = new Histogram(3);
    final Map<String, Long> errors = new TreeMap<>();
    final List<String> samples = new ArrayList<>();
    long ok;

    void success(long nanos) {
        ok++;
        latencies.recordValue(nanos);
    }

    void error(String kind, String detail) {
        errors.merge(kind, 1L, Long::sum);
        if (samples.size() < MAX_SAMPLES) {
            samples.add(kind + ": " + (detail == null ? "" : detail.substring(0, Math.min(300, detail.length()))));
        }
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    void add(Tally other) {
        ok += other.ok;
        latencies.add(other.latencies);
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        for (String s : other.samples) {
            if (samples.size() < MAX_SAMPLES) {
                samples.add(s);
            }
        }
    }
}
