package org.entraide.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The command line: {@code --duration S --warmup S --jit-warmup S --clients N --answers N --scenarios a,b --pg-url URL}. */
record Options(Duration duration, Duration warmup, Duration jitWarmup, int clients, int answers, List<String> scenarios, String pgUrl) {
    static final Set<String> SCENARIOS = Set.of("jetty", "h2", "h2-delay", "postgres");
    static final String USAGE = """
        usage: java -jar benchmarks/target/entraide-benchmarks.jar [options]
          --duration S    measured seconds per workload (default 20)
          --warmup S      warm-up seconds per workload, not measured (default 5)
          --jit-warmup S  seconds of load on a throwaway H2 core before the first scenario (default 60)
          --clients N     concurrent closed-loop clients (default 16)
          --answers N     answers on the question that is read (default 10)
          --scenarios L   comma-separated, in order, from jetty,h2,h2-delay,postgres (default all)
          --pg-url URL    PostgreSQL server where a fresh database is created and dropped
                          (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)""";

    Options {
        if (clients < 1 || answers < 0 || duration.isZero() || warmup.isNegative() || jitWarmup.isNegative()) {
            throw new IllegalArgumentException("clients must be positive, answers and warm-up not negative, duration not zero");
        }
        for (String s : scenarios) {
            if (!SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("unknown scenario '" + s + "'");
            }
        }
    }

    static Options parse(String[] args) {
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(5);
        Duration jitWarmup = Duration.ofSeconds(60);
        int clients = 16;
        int answers = 10;
        List<String> scenarios = List.of("jetty", "h2", "h2-delay", "postgres");
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--jit-warmup" -> jitWarmup = Duration.ofSeconds(Long.parseLong(value));
                case "--clients" -> clients = Integer.parseInt(value);
                case "--answers" -> answers = Integer.parseInt(value);
                case "--scenarios" -> scenarios = List.of(value.split(","));
                case "--pg-url" -> pgUrl = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new Options(duration, warmup, jitWarmup, clients, answers, scenarios, pgUrl);
    }
}
