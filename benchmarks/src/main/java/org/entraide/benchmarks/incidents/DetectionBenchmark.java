package org.entraide.benchmarks.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.entraide.benchmarks.BenchDatabase;
import org.entraide.benchmarks.CoreServer;
import org.entraide.incidents.internal.IncidentsSettings;
import org.entraide.incidents.internal.detect.Baseline;
import org.entraide.incidents.internal.detect.Detector;
import org.entraide.incidents.internal.detect.History;
import org.entraide.incidents.internal.detect.Proposals;
import org.entraide.incidents.internal.store.HourlyCounts;
import org.entraide.jdbc.Sql;

/**
 * The detection of rises on synthetic history: 2,000 stores, 2 years of hourly complaints and questions (Poisson, a
 * daily and weekly rhythm, each store its own level), 20 incidents injected (a store's count rises for 3 hours). Part
 * one applies the plugin's rule ({@link Baseline}, the shipped settings) to every store and hour: incidents found
 * within 1 hour of their start, false alerts per week per 100 stores. Part two runs the plugin's {@link Detector} on
 * H2, then on PostgreSQL (a database created and dropped on the server of {@code -Dpg.url}, by default
 * 127.0.0.1:5432 as user postgres; {@code -Dpg.url=none} skips it; {@code -Dcost=none} skips both), over the rows one evaluation reads (the current
 * and last hours of every store, and the same hours of the 8 previous weeks) and times an evaluation run. Arguments:
 * [seed] [deviations] [minimum posts] [tail probability] (default 19, then the shipped settings).
 */
public final class DetectionBenchmark {
    static final int STORES = 2000;
    static final int HOURS = 2 * 365 * 24;
    static final int INCIDENTS = 20;
    static final int WEEK = 7 * 24;

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 19;
        IncidentsSettings shipped = IncidentsSettings.defaults();
        IncidentsSettings settings = new IncidentsSettings(args.length > 1 ? Double.parseDouble(args[1]) : shipped.deviations(),
            args.length > 3 ? Double.parseDouble(args[3]) : shipped.tailProbability(), shipped.weeks(),
            args.length > 2 ? Integer.parseInt(args[2]) : shipped.minPosts(), shipped.periodMillis(), false);
        System.out.printf("settings: %.1f deviations, tail probability %s, %d weeks, at least %d posts%n", settings.deviations(),
            settings.tailProbability(), settings.weeks(), settings.minPosts());
        Random random = new Random(seed);
        double[] level = new double[STORES];
        for (int s = 0; s < STORES; s++) {
            level[s] = 0.05 + random.nextDouble() * 0.55; // posts an hour at the busiest hour
        }
        int[][] incidents = new int[INCIDENTS][3]; // store, start hour, extra posts an hour
        for (int i = 0; i < INCIDENTS; i++) {
            incidents[i] = new int[] {random.nextInt(STORES), settings.weeks() * WEEK + random.nextInt(HOURS - settings.weeks() * WEEK - 3),
                4 + random.nextInt(9)};
        }
        long started = System.nanoTime();
        boolean[] foundFirst = new boolean[INCIDENTS]; // the headline: flagged on the first hour's count
        boolean[] found = new boolean[INCIDENTS]; // the looser reading: on the first or the second hour's count
        String[] judged = new String[INCIDENTS];
        long falseAlerts = 0;
        long cells = 0;
        short[] counts = new short[HOURS];
        for (int s = 0; s < STORES; s++) {
            for (int h = 0; h < HOURS; h++) {
                counts[h] = (short) poisson(random, level[s] * rhythm(h));
            }
            for (int[] inc : incidents) {
                if (inc[0] == s) {
                    for (int h = inc[1]; h < inc[1] + 3; h++) {
                        counts[h] += (short) poisson(random, inc[2]);
                    }
                }
            }
            for (int h = settings.weeks() * WEEK; h < HOURS; h++) {
                cells++;
                int hit = incidentAt(incidents, s, h);
                boolean first = hit >= 0 && h == incidents[hit][1];
                if (counts[h] < settings.minPosts() && !first) {
                    continue;
                }
                Baseline baseline = history(counts, h, settings.weeks()).baseline();
                boolean rise = baseline.isRise(counts[h], settings.deviations(), settings.tailProbability(), settings.minPosts());
                if (first) {
                    judged[hit] = String.format("store %4d (%.2f posts/h at its busiest), hour %2d of day %d, %2d extra posts/h: "
                        + "first hour %2d posts; same hours %s, profile %.3f, rate %.3f, a rise from %d posts", s, level[s],
                        h % 24, (h / 24) % 7, incidents[hit][2], counts[h], history(counts, h, settings.weeks()).sameHours(),
                        baseline.profile(), baseline.rate(), smallestRise(baseline, settings));
                }
                if (!rise) {
                    continue;
                }
                if (hit < 0) {
                    falseAlerts++;
                } else if (h <= incidents[hit][1] + 1) {
                    found[hit] = true;
                    foundFirst[hit] |= first;
                }
            }
        }
        double simulated = (System.nanoTime() - started) / 1e9;
        long foundCount = 0;
        long foundFirstCount = 0;
        for (int i = 0; i < INCIDENTS; i++) {
            foundCount += found[i] ? 1 : 0;
            foundFirstCount += foundFirst[i] ? 1 : 0;
        }
        double weeks = (HOURS - settings.weeks() * WEEK) / (double) WEEK;
        System.out.printf("rule: %d stores x %d hours (%d cells evaluated) in %.1f s%n", STORES, HOURS, cells, simulated);
        System.out.printf("incidents flagged on their first hour's count: %d of %d%n", foundFirstCount, INCIDENTS);
        System.out.printf("  on the first or second hour's count: %d%n", foundCount);
        System.out.printf("false alerts: %d, %.3f per week per 100 stores%n", falseAlerts, falseAlerts / weeks / (STORES / 100.0));
        for (int i = 0; i < INCIDENTS; i++) {
            if (!foundFirst[i]) {
                System.out.printf("  missed on its first hour: incident %2d, %s%n", i, judged[i]);
            }
        }
        if ("none".equals(System.getProperty("cost"))) {
            return; // the rule's figures only
        }
        try (BenchDatabase h2 = BenchDatabase.h2File(true)) {
            evaluationCost("H2", h2, settings, seed, level);
        }
        String pgUrl = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        if (!"none".equals(pgUrl)) {
            try (BenchDatabase pg = BenchDatabase.postgresDatabase(pgUrl)) {
                evaluationCost("PostgreSQL", pg, settings, seed, level);
            }
        }
    }

    /** The Detector itself on a database: the rows of one evaluation for every store, then runs timed. */
    private static void evaluationCost(String name, BenchDatabase db, IncidentsSettings settings, long seed, double[] level)
            throws Exception {
        try (CoreServer server = new CoreServer(db.dataSource)) {
            var core = server.core;
            core.migrator.migrate("incidents", HourlyCounts.class.getClassLoader(), "db/incidents");
            Random random = new Random(seed + 1);
            Instant now = Instant.parse("2026-03-02T10:20:00Z");
            Instant current = now.truncatedTo(ChronoUnit.HOURS);
            long rows = core.db.inTransaction(c -> {
                // every store's weeks before today at its own rhythm (the profile the Detector reads), then the current
                // and last hours and their same hours of the previous weeks 8 times busier, so that many are evaluated
                Instant firstDay = current.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7L * settings.weeks()));
                int hours = (int) Duration.between(firstDay, current).toHours() + 1;
                long inserted = 0;
                try (var insert = c.prepareStatement("INSERT INTO inc_hourly (brand_id, scope, at_hour, posts) VALUES (1, ?, ?, ?)")) {
                    for (int s = 0; s < STORES; s++) {
                        java.util.Map<Instant, Integer> posts = new java.util.TreeMap<>();
                        for (int h = 0; h < hours; h++) {
                            posts.put(firstDay.plus(Duration.ofHours(h)), poisson(random, level[s] * rhythm(h)));
                        }
                        for (Instant hour : List.of(current, current.minus(Duration.ofHours(1)))) {
                            for (int w = 0; w <= settings.weeks(); w++) {
                                posts.put(hour.minus(Duration.ofDays(7L * w)), poisson(random, level[s] * 8));
                            }
                        }
                        for (var e : posts.entrySet()) {
                            if (e.getValue() > 0 && !e.getKey().isAfter(current)) {
                                insert.setString(1, "store:" + s);
                                insert.setObject(2, java.time.OffsetDateTime.ofInstant(e.getKey(), java.time.ZoneOffset.UTC));
                                insert.setInt(3, e.getValue());
                                insert.addBatch();
                                inserted++;
                            }
                        }
                        insert.executeBatch();
                    }
                }
                return inserted;
            });
            Detector detector = new Detector(core.db, core.events, new HourlyCounts(), new Proposals(), settings,
                () -> org.entraide.incidents.internal.NoRegions.INSTANCE);
            detector.run(now); // warm-up, and the rises of these hours proposed once
            long[] nanos = new long[20];
            long[] cpu = new long[nanos.length]; // this thread's CPU: H2 runs in it; PostgreSQL's server work is not counted
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                long u = threads.getCurrentThreadCpuTime();
                detector.run(now);
                nanos[i] = System.nanoTime() - t;
                cpu[i] = threads.getCurrentThreadCpuTime() - u;
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            long candidates = core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM inc_hourly WHERE at_hour >= ? "
                + "AND posts >= ?", current.minus(Duration.ofHours(1)), settings.minPosts()));
            System.out.printf("evaluation run on %s, %d stores, %d rows (%d cells at or over the minimum): median %.1f ms, max %.1f ms; "
                + "CPU of the calling thread: median %.1f ms%n", name, STORES, rows, candidates, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length - 1] / 1e6, cpu[cpu.length / 2] / 1e6);
        }
    }

    /** The plugin's history of hour {@code h}: the counts of the weeks before its day, as the Detector reads them. */
    static History history(short[] counts, int h, int weeks) {
        History history = new History(h % 24, weeks);
        int dayStart = h - h % 24;
        for (int at = dayStart - weeks * WEEK; at < dayStart; at++) {
            if (counts[at] > 0) {
                history.add(h - at, counts[at]);
            }
        }
        return history;
    }

    /** The least count the rule flags against this baseline. */
    static int smallestRise(Baseline baseline, IncidentsSettings settings) {
        int n = settings.minPosts();
        while (!baseline.isRise(n, settings.deviations(), settings.tailProbability(), settings.minPosts())) {
            n++;
        }
        return n;
    }

    /** Busier in the day and on Saturdays, quiet at night. */
    static double rhythm(int hour) {
        int h = hour % 24;
        int day = (hour / 24) % 7;
        double daily = h < 8 ? 0.05 : h < 12 ? 0.7 : h < 14 ? 0.9 : h < 19 ? 1.0 : h < 22 ? 0.4 : 0.1;
        return daily * (day == 5 ? 1.4 : day == 6 ? 0.3 : 1.0);
    }

    static int incidentAt(int[][] incidents, int store, int hour) {
        for (int i = 0; i < incidents.length; i++) {
            if (incidents[i][0] == store && hour >= incidents[i][1] && hour < incidents[i][1] + 3) {
                return i;
            }
        }
        return -1;
    }

    static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
