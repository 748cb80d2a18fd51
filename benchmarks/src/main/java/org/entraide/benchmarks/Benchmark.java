package org.entraide.benchmarks;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the scenarios of docs/benchmarks.md in one JVM: each server is started in-process on a free loopback port
 * and loaded by the closed-loop generator. Exits with 1 when any request failed or a check did not hold.
 */
public final class Benchmark {
    static final String JETTY = "bare Jetty 12 (ceiling)";
    static final String H2_DURABLE = "H2 file, WRITE_DELAY=0";
    static final String H2_DELAYED = "H2 file, default write delay";
    static final String POSTGRES = "PostgreSQL";
    static final String JIT_WARMUP = "JIT warm-up (not reported)";
    static final String READ = "GET question";
    static final String POST = "POST answer";

    private final Options options;
    private final Report report = new Report(System.out);
    private final List<PhaseResult> results = new ArrayList<>();
    private boolean failed;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Before any logger exists: Camel, Hikari and Flyway would otherwise print their start-up at INFO.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        Benchmark benchmark = new Benchmark(options);
        benchmark.runAll();
        System.exit(benchmark.failed ? 1 : 0);
    }

    private void runAll() throws Exception {
        report.line(String.format(Locale.ROOT, "Entraide benchmark: %d clients, %d s warm-up + %d s measured per workload,"
                + " %d answers on the read question; %d processors, Java %s, load %.2f",
            options.clients(), options.warmup().toSeconds(), options.duration().toSeconds(), options.answers(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
            MachineLoad.sample().loadAverage()));
        if (!options.jitWarmup().isZero()) {
            // One JVM runs every scenario, so the first one would otherwise pay for compiling the shared code
            // (Jetty, Camel, Jackson, Markdown, sanitizer, H2): warm it once on a throwaway database.
            core(JIT_WARMUP, () -> BenchDatabase.h2File(false));
        }
        for (String scenario : options.scenarios()) {
            switch (scenario) {
                case "jetty" -> jetty();
                case "h2" -> core(H2_DURABLE, () -> BenchDatabase.h2File(true));
                case "h2-delay" -> core(H2_DELAYED, () -> BenchDatabase.h2File(false));
                case "postgres" -> core(POSTGRES, () -> BenchDatabase.postgres(options.pgUrl()));
                default -> throw new IllegalStateException(scenario);
            }
        }
        report.table(results);
        report.durability(results);
    }

    private void jetty() throws Exception {
        try (BareJetty server = new BareJetty()) {
            measure(JETTY, server.port(), Workload.get(READ.replace("question", "fixed JSON"), host(server.port()),
                BareJetty.PATH));
        }
    }

    private interface DatabaseFactory {
        BenchDatabase open() throws Exception;
    }

    private void core(String scenario, DatabaseFactory databases) throws Exception {
        BenchDatabase db;
        try {
            db = databases.open();
        } catch (Exception e) {
            report.line(scenario + ": skipped, no database (" + e.getMessage() + ")");
            failed = true;
            return;
        }
        try (db; CoreServer server = new CoreServer(db.dataSource)) {
            report.line(scenario + ": " + db.url + " (" + describe(db) + ")");
            Fixture fixture = Fixture.seed(server.core, options.clients(), options.answers());
            String host = host(server.port);
            String questions = "/api/v1/brands/" + Fixture.BRAND + "/questions/";
            checkRead(server.port, host, questions + fixture.readQuestion);
            measure(scenario, server.port, Workload.get(READ + " (" + options.answers() + " answers)", host,
                questions + fixture.readQuestion));
            String json = new ObjectMapper().writeValueAsString(java.util.Map.of("body", Fixture.answerText(99)));
            PhaseResult posted = measure(scenario, server.port, Workload.post(POST, host, options.clients(),
                i -> new Workload.Post(questions + fixture.targetQuestions[i] + "/answers", fixture.tokens[i], json)));
            // Every 201 must be an answer that is really stored: a benchmark of writes that were lost would be worthless.
            long acknowledged = posted.warmupOk() + posted.measured().ok;
            long stored = fixture.answersOnTargets(server.core);
            report.line("  check: " + acknowledged + " answers acknowledged with 201, " + stored + " in the database");
            failed |= acknowledged != stored;
        }
    }

    /** One GET before the load, so that a run never measures a wrong answer at full speed. */
    private void checkRead(int port, String host, String path) throws Exception {
        try (HttpConnection c = new HttpConnection(new InetSocketAddress("127.0.0.1", port))) {
            HttpConnection.Reply reply = c.exchange(Workload.get(READ, host, path).request().apply(0));
            JsonNode answers = reply.status() == 200 ? new ObjectMapper().readTree(reply.body()).get("answers") : null;
            if (answers == null || answers.size() != options.answers()) {
                throw new IllegalStateException("the read question should have " + options.answers() + " answers: "
                    + reply.status() + " " + reply.text());
            }
            report.line("  check: GET " + path + " answers 200 with " + answers.size() + " answers, "
                + reply.body().length + " bytes");
        }
    }

    private PhaseResult measure(String scenario, int port, Workload workload) throws Exception {
        LoadGenerator generator = new LoadGenerator(new InetSocketAddress("127.0.0.1", port), options.clients());
        boolean warming = scenario.equals(JIT_WARMUP);
        PhaseResult r = warming ? generator.run(scenario, workload, Duration.ZERO, options.jitWarmup().dividedBy(2))
            : generator.run(scenario, workload, options.warmup(), options.duration());
        report.line(String.format(Locale.ROOT, "  %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors, load %.2f",
            workload.name(), r.requestsPerSecond(), r.millis(50), r.millis(99), r.errors(), r.loadAverage()));
        failed |= r.errors() > 0;
        if (!warming) {
            results.add(r);
        }
        return r;
    }

    private static String describe(BenchDatabase db) throws Exception {
        try (var c = db.dataSource.getConnection()) {
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    private static String host(int port) {
        return "127.0.0.1:" + port;
    }
}
