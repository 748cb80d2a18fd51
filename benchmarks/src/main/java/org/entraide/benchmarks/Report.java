package org.entraide.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints the results as a Markdown table, ready for docs/benchmarks.md, then the derived comparisons. */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void table(List<PhaseResult> results) {
        double ceiling = find(results, Benchmark.JETTY, "").map(PhaseResult::requestsPerSecond).orElse(Double.NaN);
        out.println();
        out.println("| Scenario | Workload | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | of ceiling"
            + " | CPU busy (machine / JVM) | load 1m |");
        out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (PhaseResult r : results) {
            out.println(String.format(Locale.ROOT,
                "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %.1f | %d | %s | %.0f %% / %.0f %% | %.2f |",
                r.scenario(), r.workload(), r.requestsPerSecond(), r.millis(50), r.millis(90), r.millis(99),
                r.maxMillis(), r.errors(), percent(r.requestsPerSecond() / ceiling), r.machineCpu() * 100,
                r.jvmCpu() * 100, r.loadAverage()));
        }
        out.println();
        for (PhaseResult r : results) {
            if (r.errors() > 0) {
                out.println("Errors in " + r.scenario() + " / " + r.workload() + ": " + r.measured().errors);
                r.measured().samples.forEach(s -> out.println("  e.g. " + s));
            }
        }
    }

    /** The cost of WRITE_DELAY=0: the same workloads on H2 with and without it. */
    void durability(List<PhaseResult> results) {
        for (String workload : List.of(Benchmark.POST, Benchmark.READ)) {
            Optional<PhaseResult> durable = find(results, Benchmark.H2_DURABLE, workload);
            Optional<PhaseResult> delayed = find(results, Benchmark.H2_DELAYED, workload);
            if (durable.isPresent() && delayed.isPresent()) {
                PhaseResult d = durable.get();
                PhaseResult l = delayed.get();
                out.println(String.format(Locale.ROOT,
                    "Durability cost, %s: %,.0f req/s with WRITE_DELAY=0 vs %,.0f with the default delay (%s);"
                        + " p50 %.2f vs %.2f ms, p99 %.2f vs %.2f ms",
                    workload, d.requestsPerSecond(), l.requestsPerSecond(),
                    signedPercent(d.requestsPerSecond() / l.requestsPerSecond() - 1),
                    d.millis(50), l.millis(50), d.millis(99), l.millis(99)));
            }
        }
    }

    void line(String text) {
        out.println(text);
    }

    private static Optional<PhaseResult> find(List<PhaseResult> results, String scenario, String workloadPrefix) {
        return results.stream()
            .filter(r -> r.scenario().equals(scenario) && r.workload().startsWith(workloadPrefix))
            .findFirst();
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String signedPercent(double change) {
        return String.format(Locale.ROOT, "%+.1f %%", change * 100);
    }
}
