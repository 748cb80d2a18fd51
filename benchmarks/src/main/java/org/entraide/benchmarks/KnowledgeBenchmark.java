package org.entraide.benchmarks;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Histogram;
import org.apache.camel.RoutesBuilder;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.PluginWhiteboard;
import org.entraide.knowledge.internal.Knowledge;
import org.entraide.knowledge.internal.Platform;

/**
 * The knowledge plugin's figures (issue 19, docs/benchmarks.md "Knowledge"): the real core and plugin, REST on Jetty on
 * loopback, over an H2 file ({@code WRITE_DELAY=0}) and a fresh PostgreSQL database. A brand's knowledge base is written
 * through the API (articles in French and English, several versions each), then, in a closed loop: article reads and
 * list pages by anonymous readers, helpful votes by members; one request at a time: promotions of accepted answers,
 * and the deflection report over a year of askers who stopped at an article, with its query plans.
 *
 * <pre>
 * java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.KnowledgeBenchmark \
 *   [--db h2,postgres] [--articles 2000] [--versions 3] [--days 731] [--per-day 1000] [--promotions 300] [--reports 50] \
 *   [--clients 16] [--warmup 5] [--seconds 15] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
 * </pre>
 * Exits with 1 when a request failed or a check did not hold.
 */
public final class KnowledgeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> args;
    private final int clients;
    private final List<PhaseResult> results = new ArrayList<>();
    private final List<String> single = new ArrayList<>();
    private boolean failed;

    private KnowledgeBenchmark(Map<String, String> args) {
        this.args = args;
        this.clients = number("clients", 16);
    }

    public static void main(String[] argv) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        KnowledgeBenchmark b = new KnowledgeBenchmark(args);
        System.out.printf(Locale.ROOT, "knowledge benchmark, %s, %d processors, load %.2f, %s%n",
            java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), MachineLoad.sample().loadAverage(), args);
        for (String db : args.getOrDefault("db", "h2,postgres").split(",")) {
            b.run(db.trim());
        }
        b.report();
        System.exit(b.failed ? 1 : 0);
    }

    private int number(String key, int otherwise) {
        return Integer.parseInt(args.getOrDefault(key, Integer.toString(otherwise)));
    }

    private void run(String name) throws Exception {
        String scenario = name.equals("h2") ? Benchmark.H2_DURABLE : Benchmark.POSTGRES;
        try (BenchDatabase db = name.equals("h2") ? BenchDatabase.h2File(true)
                : BenchDatabase.postgres(args.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
             CoreServer server = new CoreServer(db.dataSource)) {
            Core core = server.core;
            System.out.println("== " + scenario + ": " + db.url);
            var p = core.platform;
            Knowledge plugin = Knowledge.start(new Platform(core.db, core.events, p, p, p, p, core.renderer), core.migrator,
                core.endpoints, new Knowledge.Settings(25, 180, 600_000), java.time.Clock.systemUTC());
            PluginWhiteboard board = PluginWhiteboard.on(core);
            for (Object s : plugin.services()) {
                if (s instanceof RoutesBuilder r) {
                    server.addRoutes(r);
                }
                board.bindAll(s);
            }
            server.connect();
            KnowledgeCorpus corpus = KnowledgeCorpus.brand(core, clients);
            core.capabilities.setDirectly(corpus.brand.id(), "knowledge", true);
            String base = "http://127.0.0.1:" + server.port;
            corpus.writeArticles(base, number("articles", 2000), number("versions", 3));
            System.out.printf(Locale.ROOT, "  %,d articles, %,d versions written through the API in %.1f s (%,.0f writes/s,"
                    + " 4 connections), load %.2f%n", corpus.articles.size(), corpus.versionsWritten, corpus.writeSeconds,
                corpus.versionsWritten / corpus.writeSeconds, MachineLoad.sample().loadAverage());
            corpus.acceptedAnswers(core, number("promotions", 300));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            int days = number("days", 731);
            corpus.deflections(core, today, days, number("per-day", 1000));
            analyze(core, name);
            System.out.printf(Locale.ROOT, "  %,d deflections over %d days written in %.1f s%n", corpus.deflections, days,
                corpus.deflectionSeconds);

            String host = "127.0.0.1:" + server.port;
            LoadGenerator load = new LoadGenerator(new InetSocketAddress("127.0.0.1", server.port), clients);
            Duration warmup = Duration.ofSeconds(number("warmup", 5));
            Duration measure = Duration.ofSeconds(number("seconds", 15));
            measured(load.run(scenario, reads(host, corpus), warmup, measure));
            measured(load.run(scenario, lists(host, corpus), warmup, measure));
            int[] votesSent = new int[clients];
            PhaseResult votes = measured(load.run(scenario, votes(host, corpus, votesSent), warmup, measure));
            checkVotes(core, corpus, votesSent, votes);
            promotions(scenario, server.port, host, corpus);
            deflectionReports(core, scenario, server.port, host, corpus, today);
            plans(core, name, corpus, today);
        }
    }

    /** A published article picked at random by each anonymous reader, {@code GET /articles/{id}}. */
    private Workload reads(String host, KnowledgeCorpus corpus) {
        SplittableRandom[] random = randoms();
        List<Long> ids = corpus.articles;
        return new Workload("GET article (random of " + ids.size() + ")", i -> get(host, KnowledgeCorpus.API + "/articles/"
            + ids.get(random[i].nextInt(ids.size())), null), 200);
    }

    /**
     * A page of 20 at random, {@code GET /articles?page=&size=20}, half of them of one language (then among the first
     * pages the smaller language has).
     */
    private Workload lists(String host, KnowledgeCorpus corpus) {
        SplittableRandom[] random = randoms();
        int pages = Math.max(1, corpus.articles.size() / 20);
        int languagePages = Math.max(1, pages * 2 / 5);
        return new Workload("GET articles, page of 20 (random page)", i -> {
            boolean all = random[i].nextBoolean();
            int page = 1 + random[i].nextInt(all ? pages : languagePages);
            String language = all ? "" : "&language=" + (random[i].nextBoolean() ? "fr" : "en");
            return get(host, KnowledgeCorpus.API + "/articles?size=20&page=" + page + language, null);
        }, 200);
    }

    /**
     * Each member votes on the articles in turn from their own starting point, one in five "not helpful" with a reason:
     * while a member has not gone round all the articles, each 200 is a new vote row.
     */
    private Workload votes(String host, KnowledgeCorpus corpus, int[] sent) {
        List<Long> ids = corpus.articles;
        return new Workload("PUT helpful vote (members)", i -> {
            int n = sent[i]++;
            long article = ids.get((i * 131 + n) % ids.size());
            String body = n % 5 == 4 ? "{\"helpful\":false,\"reason\":\"Il manque le délai pour mon magasin.\"}"
                : "{\"helpful\":true}";
            return request("PUT", host, KnowledgeCorpus.API + "/articles/" + article + "/helpful", corpus.readerTokens[i], body);
        }, 200);
    }

    private void checkVotes(Core core, KnowledgeCorpus corpus, int[] sent, PhaseResult votes) throws Exception {
        long expected = 0;
        for (int n : sent) {
            expected += Math.min(n, corpus.articles.size());
        }
        long stored = count(core, "SELECT COUNT(*) FROM kn_helpful");
        String line = String.format(Locale.ROOT, "  check: %,d votes answered 200 (warm-up included), %,d vote rows expected,"
            + " %,d stored", votes.warmupOk() + votes.measured().ok, expected, stored);
        System.out.println(line);
        failed |= votes.errors() == 0 && expected != stored;
    }

    /** Staff promote accepted answers one after the other: each a 201 and an article; a second time, 409. */
    private void promotions(String scenario, int port, String host, KnowledgeCorpus corpus) throws Exception {
        Histogram h = new Histogram(3);
        try (HttpConnection c = new HttpConnection(new InetSocketAddress("127.0.0.1", port))) {
            for (long answer : corpus.acceptedAnswers) {
                long start = System.nanoTime();
                HttpConnection.Reply reply = c.exchange(request("POST", host, KnowledgeCorpus.API + "/posts/" + answer
                    + "/promote", corpus.adminToken, "{\"publish\":true}"));
                h.recordValue(System.nanoTime() - start);
                if (reply.status() != 201) {
                    failed = true;
                    System.out.println("  promotion of " + answer + ": " + reply.status() + " " + reply.text());
                }
            }
            long again = corpus.acceptedAnswers.get(0);
            int status = c.exchange(request("POST", host, KnowledgeCorpus.API + "/posts/" + again + "/promote",
                corpus.adminToken, "{}")).status();
            failed |= status != 409;
            System.out.println("  check: promoting answer " + again + " again answers " + status + " (409 expected)");
        }
        single.add(row(scenario, "POST promote an accepted answer (1 client, " + corpus.acceptedAnswers.size() + " answers)", h));
    }

    /** The brand admin's deflection report over the whole year, then over the default 30 days, one request at a time. */
    private void deflectionReports(Core core, String scenario, int port, String host, KnowledgeCorpus corpus, LocalDate today)
            throws Exception {
        int reports = number("reports", 50);
        long year = count(corpus, today.minusDays(365), today, port, host);
        long written = count(core, "SELECT COUNT(*) FROM kn_deflection WHERE seen_on >= DATE '"
            + today.minusDays(365) + "'");
        System.out.printf(Locale.ROOT, "  check: the year's report counts %,d askers; %,d were written in those 366 days%n",
            year, written);
        failed |= year != written || year == 0;
        for (int days : new int[] {365, 29}) {
            String path = KnowledgeCorpus.API + "/knowledge/deflections?from=" + today.minusDays(days) + "&to=" + today;
            Histogram h = new Histogram(3);
            try (HttpConnection c = new HttpConnection(new InetSocketAddress("127.0.0.1", port))) {
                byte[] get = get(host, path, corpus.adminToken);
                for (int k = 0; k < reports + 5; k++) {
                    long start = System.nanoTime();
                    HttpConnection.Reply reply = c.exchange(get);
                    if (k >= 5) {
                        h.recordValue(System.nanoTime() - start);
                    }
                    failed |= reply.status() != 200;
                }
            }
            single.add(row(scenario, "GET deflection report, " + (days + 1) + " days (1 client, " + reports + " after 5)", h));
        }
    }

    private long count(KnowledgeCorpus corpus, LocalDate from, LocalDate to, int port, String host) throws Exception {
        try (HttpConnection c = new HttpConnection(new InetSocketAddress("127.0.0.1", port))) {
            HttpConnection.Reply reply = c.exchange(get(host, KnowledgeCorpus.API + "/knowledge/deflections?from=" + from
                + "&to=" + to, corpus.adminToken));
            JsonNode report = JSON.readTree(reply.body());
            System.out.println("  the year's report: " + report.get("askers") + " askers, first articles "
                + report.get("articles").get(0) + ", " + report.get("articles").get(1));
            return report.get("askers").asLong();
        }
    }

    /** The plans of the report's two queries, as the database runs them (PostgreSQL: with timing and buffers). */
    private void plans(Core core, String name, KnowledgeCorpus corpus, LocalDate today) throws Exception {
        String range = "brand_id = " + corpus.brand.id() + " AND seen_on >= DATE '" + today.minusDays(365)
            + "' AND seen_on <= DATE '" + today + "'";
        String explain = name.equals("h2") ? "EXPLAIN ANALYZE " : "EXPLAIN (ANALYZE, BUFFERS) ";
        for (String q : List.of("SELECT COALESCE(SUM(askers), 0) FROM kn_deflection_day WHERE " + range,
            "SELECT article_id, SUM(askers) AS n FROM kn_deflection_day WHERE " + range
                + " GROUP BY article_id ORDER BY n DESC, article_id LIMIT 20")) {
            System.out.println("  plan: " + q);
            try (Connection c = core.db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(explain + q)) {
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
        }
    }

    /** As autovacuum would after a bulk load: statistics, and on PostgreSQL the visibility map index-only scans need. */
    private static void analyze(Core core, String name) throws Exception {
        try (Connection c = core.db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (name.equals("h2")) {
                s.execute("ANALYZE");
            } else {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    private static long count(Core core, String sql) throws Exception {
        try (Connection c = core.db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private PhaseResult measured(PhaseResult r) {
        System.out.printf(Locale.ROOT, "  %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors, load %.2f%n", r.workload(),
            r.requestsPerSecond(), r.millis(50), r.millis(99), r.errors(), r.loadAverage());
        failed |= r.errors() > 0;
        results.add(r);
        return r;
    }

    private static String row(String scenario, String what, Histogram h) {
        String line = String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f |", scenario, what,
            h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
            h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, MachineLoad.sample().loadAverage());
        System.out.println("  " + line);
        return line;
    }

    private void report() {
        new Report(System.out).table(results);
        System.out.println("| Scenario | one request at a time | requests | p50 ms | p90 ms | p99 ms | max ms | load 1m |");
        System.out.println("|---|---|--:|--:|--:|--:|--:|--:|");
        single.forEach(System.out::println);
    }

    private SplittableRandom[] randoms() {
        SplittableRandom[] r = new SplittableRandom[clients];
        for (int i = 0; i < clients; i++) {
            r[i] = new SplittableRandom(19 + i);
        }
        return r;
    }

    private static byte[] get(String host, String path, String token) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] request(String method, String host, String path, String token, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
            + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
