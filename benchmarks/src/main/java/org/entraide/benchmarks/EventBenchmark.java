package org.entraide.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.HdrHistogram.Histogram;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.NewEvent;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.camel.CamelContexts;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.security.PasswordHasher;

/**
 * Event dispatch on the real core: throughput to three subscribers whose effects are database rows written in
 * the dispatcher's transaction, commit-to-effect latency under a steady event rate with the production polling
 * loop, and the replay of a long history by a subscriber installed late. Usage:
 * {@code java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.EventBenchmark
 * [--db h2,postgres] [--events 50000] [--rate 200] [--seconds 20] [--replay 1000000] [--poll 100] [--batch 200]}
 */
public final class EventBenchmark {
    private final Map<String, String> args;

    private EventBenchmark(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new EventBenchmark(args).run();
        System.exit(0);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Event dispatch benchmark: %d processors, Java %s, load %.2f%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
            MachineLoad.sample().loadAverage());
        for (String db : args.getOrDefault("db", "h2,postgres").split(",")) {
            try (BenchDatabase database = "h2".equals(db) ? BenchDatabase.h2File(true)
                : BenchDatabase.postgres(args.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"))) {
                new Scenario(db, database.dataSource).runAll();
            }
        }
    }

    /** One database: the core, a CamelContext with three subscriber routes, and the three measurements. */
    private final class Scenario {
        private final String db;
        private final Core core;
        private final DefaultCamelContext camel;
        private final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        private final List<Long> appliedInBatch = java.util.Collections.synchronizedList(new ArrayList<>());

        Scenario(String db, DataSource ds) throws Exception {
            this.db = db;
            CoreSettings settings = CoreSettings.defaults().withEventBatch(intArg("batch", 200));
            this.core = new Core(ds, settings, (u, p) -> false, new PasswordHasher(64, 1), Clock.systemUTC());
            this.camel = CamelContexts.create("bench", "127.0.0.1", freePort());
            core.db.inTransaction(c -> {
                for (int i = 1; i <= 4; i++) {
                    Sql.update(c, "CREATE TABLE bench_effect_" + i + " (event_id BIGINT PRIMARY KEY, applied_at TIMESTAMP WITH TIME ZONE)");
                }
                return null;
            });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 1; i <= 4; i++) {
                        String table = "bench_effect_" + i;
                        from("direct:bench.subscriber-" + i).routeId("bench.subscriber-" + i).process(e -> {
                            DomainEvent ev = e.getIn().getBody(DomainEvent.class);
                            core.db.inTransaction(c -> Sql.update(c, "INSERT INTO " + table + " VALUES (?, ?)", ev.id(),
                                java.time.Instant.now()));
                            appliedInBatch.add(ev.id());
                        });
                    }
                }
            });
            camel.start();
            core.connect(camel);
        }

        void runAll() throws Exception {
            for (int i = 1; i <= 3; i++) {
                core.dispatcher.register(new SubscriberDescriptor("bench-" + i, null, "direct:bench.subscriber-" + i,
                    StartFrom.NOW, Set.of(), 3));
            }
            throughput(intArg("events", 50_000));
            latency(intArg("rate", 200), intArg("seconds", 20), intArg("poll", 100));
            replay(intArg("replay", 1_000_000));
            core.disconnect();
            camel.stop();
        }

        void throughput(int events) {
            appendBulk(events);
            long start = System.nanoTime();
            drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s | throughput | %d events to 3 subscribers in %.1f s: %.0f events/s per "
                + "subscriber, %.0f deliveries/s%n", db, events, seconds, events / seconds, 3 * events / seconds);
        }

        void latency(int rate, int seconds, int pollMillis) throws Exception {
            Histogram h = new Histogram(3_600_000_000L, 3);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread loop = new Thread(() -> {
                while (running.get()) {
                    appliedInBatch.clear();
                    int n = core.dispatcher.runOnce();
                    long now = System.nanoTime();
                    for (long id : List.copyOf(appliedInBatch)) {
                        Long t = committedAt.remove(id);
                        if (t != null) {
                            h.recordValue(Math.max(0, now - t) / 1000);
                        }
                    }
                    if (n == 0) {
                        sleep(pollMillis);
                    }
                }
            }, "dispatch-loop");
            loop.start();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            long end = next + seconds * 1_000_000_000L;
            int sent = 0;
            while (System.nanoTime() < end) {
                int i = sent++;
                long id = core.db.inTransaction(c -> core.events.append(c, NewEvent.of(1, "bench.event", null, "bench", i,
                    Map.of("i", i))));
                committedAt.put(id, System.nanoTime());
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!committedAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            running.set(false);
            loop.join();
            System.out.printf(Locale.ROOT, "%s | latency | %d events at %d/s, poll %d ms: commit-to-effect p50 %.1f ms, "
                    + "p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n", db, sent, rate, pollMillis,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
        }

        void replay(int events) {
            // The history is written and sequenced with no subscriber installed, as on a brand that ran for a year.
            for (int i = 1; i <= 3; i++) {
                core.dispatcher.unregister("bench-" + i);
            }
            long t0 = System.nanoTime();
            appendBulk(events);
            drain();
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            core.dispatcher.register(new SubscriberDescriptor("bench-late", null, "direct:bench.subscriber-4",
                StartFrom.BEGINNING, Set.of(), 3));
            long total = core.db.inTransaction(c -> core.eventStore.head(c));
            long start = System.nanoTime();
            drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s | replay | a subscriber installed late replayed %d events in %.1f s: "
                + "%.0f events/s (history of %d events appended and sequenced in %.1f s)%n", db, total,
                seconds, total / seconds, events, loadSeconds);
        }

        /** Appends events in transactions of 1,000, as fast as the database takes them. */
        void appendBulk(int events) {
            for (int done = 0; done < events; done += 1000) {
                int from = done;
                int n = Math.min(1000, events - done);
                core.db.inTransaction(c -> {
                    insertBatch(c, from, n);
                    return null;
                });
            }
        }

        void insertBatch(Connection c, int from, int n) throws Exception {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO domain_event (brand_id, event_type, occurred_at, "
                + "actor_id, subject_type, subject_id, payload, schema_version) VALUES (1, 'bench.event', ?, NULL, 'bench', ?, ?, 1)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = from; i < from + n; i++) {
                    ps.setObject(1, now);
                    ps.setLong(2, i);
                    ps.setString(3, "{\"i\":" + i + "}");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /** Runs the dispatcher until every installed subscriber is at the head. */
        void drain() {
            while (true) {
                core.dispatcher.runOnce();
                long lag = core.monitor.subscribers().stream().filter(s -> s.installed()).mapToLong(s -> s.lag()).max().orElse(0);
                // checked only once the subscribers caught up: counting a million-row table per batch would
                // measure the harness, not the dispatcher
                if (lag == 0 && core.db.inTransaction(c -> Sql.count(c,
                    "SELECT COUNT(*) FROM (SELECT 1 FROM domain_event WHERE seq IS NULL FETCH FIRST 1 ROWS ONLY) x")) == 0) {
                    return;
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
