package org.entraide.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.camel.CamelContexts;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.webhooks.internal.InternalTargets;
import org.entraide.webhooks.internal.SendLimits;
import org.entraide.webhooks.internal.WebhookCapability;
import org.entraide.webhooks.internal.WebhookPlugin;
import org.entraide.webhooks.internal.WebhookSettings;

/**
 * Issue 12, point 5: a brand whose webhook receiver never answers beside a brand whose receiver answers at once.
 * Both brands publish a question every {@code --interval-ms} for {@code --seconds}; the delay of each of the healthy
 * brand's deliveries is measured from the 201 of the question to the request reaching its receiver (event dispatch,
 * queueing, sending). The webhook settings are the shipped defaults (config/org.entraide.webhooks.cfg), with the
 * loopback receivers allowed. Exits with 1 if the healthy p99 is 2 s or more, or a delivery is missing.
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.entraide.benchmarks.WebhookIsolationBenchmark
 *   [--seconds 60] [--interval-ms 100] [--threads 16] [--per-endpoint 2] [--circuit-failures 5]</pre>
 *
 * <p>{@code --threads 1 --per-endpoint 1 --circuit-failures 1000} sends one delivery at a time with no circuit, as the
 * sender did before issue 12: the comparison.
 */
public final class WebhookIsolationBenchmark {
    private static final Pattern SUBJECT = Pattern.compile("\"subjectId\":(\\d+)");

    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
    private final CountDownLatch stall = new CountDownLatch(1);
    private final AtomicInteger stalledInFlight = new AtomicInteger();
    private final AtomicInteger stalledMostAtOnce = new AtomicInteger();
    private final AtomicInteger stalledRequests = new AtomicInteger();
    private String api;

    private WebhookIsolationBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
        int intervalMs = Integer.parseInt(args.getOrDefault("interval-ms", "100"));
        SendLimits limits = new SendLimits(Integer.parseInt(args.getOrDefault("threads", "16")),
            Integer.parseInt(args.getOrDefault("per-endpoint", "2")), Integer.parseInt(args.getOrDefault("circuit-failures", "5")),
            Duration.ofSeconds(60));
        System.exit(new WebhookIsolationBenchmark().run(seconds, intervalMs, limits) ? 0 : 1);
    }

    private boolean run(int seconds, int intervalMs, SendLimits limits) throws Exception {
        System.out.printf(Locale.ROOT, "Webhook isolation: %d s, one question per brand every %d ms, %s, %d processors, load %.2f%n",
            seconds, intervalMs, limits, Runtime.getRuntime().availableProcessors(), MachineLoad.sample().loadAverage());
        HttpServer healthy = receiver(this::healthy);
        HttpServer stalled = receiver(this::stalled);
        try (BenchDatabase db = BenchDatabase.h2File(true)) {
            Core core = new Core(db.dataSource, CoreSettings.defaults().withRateLimits(Map.of("login", 1000, "register", 1000,
                "post", Integer.MAX_VALUE, "preview", 1000, "admin-login", 1000)), (u, p) -> false, new PasswordHasher(64, 1),
                Clock.systemUTC());
            int port = freePort();
            DefaultCamelContext camel = CamelContexts.create("bench", "127.0.0.1", port);
            for (RoutesBuilder routes : core.routes) {
                camel.addRoutes(routes);
            }
            camel.start();
            core.connect(camel);
            api = "http://127.0.0.1:" + port + "/api/v1";
            new DemoSeeder(core).seedIfAbsent();
            long acme = core.administration.createBrand("acme", "Acme", "boss@acme.example", "acme-password", "Boss").id();
            long demo = core.brands.find("demo").orElseThrow().id();
            WebhookPlugin plugin = new WebhookPlugin(core.db, core.migrator, core.endpoints, new WebhookSettings(
                Duration.ofMillis(500), Duration.ofSeconds(5), 8, Duration.ofSeconds(2), true,
                InternalTargets.parse("127.0.0.1/32"), limits), Clock.systemUTC());
            core.capabilities.install(new WebhookCapability());
            core.capabilities.setDirectly(demo, WebhookCapability.NAME, true);
            core.capabilities.setDirectly(acme, WebhookCapability.NAME, true);
            camel.addRoutes(plugin);
            core.dispatcher.register(plugin.descriptor());
            try {
                return measure(seconds, intervalMs, healthy, stalled);
            } finally {
                stall.countDown();
                plugin.close();
                camel.stop();
            }
        } finally {
            stall.countDown();
            healthy.stop(0);
            stalled.stop(0);
        }
    }

    private boolean measure(int seconds, int intervalMs, HttpServer healthy, HttpServer stalled) throws Exception {
        String customer = login("demo", "customer@demo.example", DemoSeeder.PASSWORD);
        String boss = login("acme", "boss@acme.example", "acme-password");
        register("demo", login("demo", "admin@demo.example", DemoSeeder.PASSWORD), healthy, "/healthy");
        register("acme", boss, stalled, "/stalled");

        int rounds = seconds * 1000 / intervalMs;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            ask("acme", boss, "Question Acme " + i);
            long id = ask("demo", customer, "Question démo " + i);
            publishedAt.put(id, System.nanoTime());
            long next = start + (i + 1L) * intervalMs * 1_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (receivedAt.size() < rounds && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return report(rounds);
    }

    private boolean report(int published) {
        List<Long> sorted = new ArrayList<>();
        receivedAt.forEach((id, at) -> sorted.add(at - publishedAt.get(id)));
        Collections.sort(sorted);
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        double max = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf(Locale.ROOT, "healthy brand | %d published, %d delivered | delay p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
            published, sorted.size(), p50, p99, max);
        System.out.printf(Locale.ROOT, "stalled brand | %d requests received, never answered (the sender gives each up after its "
            + "5 s budget; the receiver held at most %d open)%n", stalledRequests.get(), stalledMostAtOnce.get());
        System.out.printf(Locale.ROOT, "load at end %.2f%n", MachineLoad.sample().loadAverage());
        boolean ok = sorted.size() == published && p99 < 2000;
        System.out.println(ok ? "OK: healthy p99 under 2 s" : "FAILED: healthy p99 2 s or more, or deliveries missing");
        return ok;
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private void healthy(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = SUBJECT.matcher(body);
        if (m.find()) {
            receivedAt.putIfAbsent(Long.parseLong(m.group(1)), now);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** Takes the request and never answers while the run lasts. */
    private void stalled(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        stalledRequests.incrementAndGet();
        stalledMostAtOnce.accumulateAndGet(stalledInFlight.incrementAndGet(), Math::max);
        try {
            stall.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stalledInFlight.decrementAndGet();
        exchange.close();
    }

    private static HttpServer receiver(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private String login(String brand, String email, String password) throws Exception {
        String body = post("/auth/login", null, "{\"brand\":\"" + brand + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + body);
        }
        return m.group(1);
    }

    private void register(String brand, String token, HttpServer receiver, String path) throws Exception {
        post("/brands/" + brand + "/webhooks", token, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + path
            + "\",\"eventTypes\":[\"post.published\"]}");
    }

    private long ask(String brand, String token, String title) throws Exception {
        String body = post("/brands/" + brand + "/questions", token, "{\"title\":\"" + title + "\",\"body\":\"corps\"}");
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("question refused: " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private String post(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
