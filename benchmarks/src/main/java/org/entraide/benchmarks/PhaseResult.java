package org.entraide.benchmarks;

/**
 * The measured phase of one workload in one scenario.
 *
 * @param measured the merged tallies of all clients
 * @param warmupOk successful requests of the warm-up phase (they are real writes for a POST workload)
 * @param machineCpu share of both cores busy during the phase, whoever used them
 * @param jvmCpu share of both cores used by this JVM (server and generator together)
 */
record PhaseResult(String scenario, String workload, int clients, Tally measured, long elapsedNanos, long warmupOk,
                   double machineCpu, double jvmCpu, double loadAverage) {
    double requestsPerSecond() {
        return measured.ok * 1e9 / elapsedNanos;
    }

    /** The latency at {@code percentile} (0–100) in milliseconds. */
    double millis(double percentile) {
        return measured.latencies.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return measured.latencies.getMaxValue() / 1e6;
    }

    long errors() {
        return measured.errorCount();
    }
}
