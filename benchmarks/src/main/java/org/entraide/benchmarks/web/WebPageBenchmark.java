package org.entraide.benchmarks.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.entraide.benchmarks.BenchDatabase;
import org.entraide.benchmarks.CoreServer;
import org.entraide.benchmarks.Fixture;
import org.entraide.web.internal.WebRoutes;

/**
 * Server time and bytes of a question page with 50 answers, rendered by the web bundle: one client, requests
 * one after the other, so the time is the server's and not a queue's. Usage: {@code [seconds]} (default 10).
 */
public final class WebPageBenchmark {
    private WebPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (BenchDatabase db = BenchDatabase.h2File(true); CoreServer server = new CoreServer(db.dataSource)) {
            server.addRoutes(new WebRoutes());
            Fixture fixture = Fixture.seed(server.core, 1, 50);
            URI page = URI.create("http://127.0.0.1:" + server.port + "/b/" + Fixture.BRAND + "/questions/" + fixture.readQuestion);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(page).GET().build();
            run(http, request, 3);  // JIT warm-up, not reported
            Histogram h = new Histogram(3);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            int bytes = 0;
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                h.recordValue((System.nanoTime() - t0) / 1000);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("page answered " + r.statusCode());
                }
                bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            String css = new String(WebRoutes.class.getResourceAsStream("/org/entraide/web/static/entraide-4.css").readAllBytes());
            int gzipped = http.send(HttpRequest.newBuilder(page).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
            int cssGzipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/static/entraide-4.css"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
            System.out.printf("question page, 50 answers: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                    + "HTML %d bytes (%d gzipped), stylesheet %d bytes (%d gzipped, cached for a year); load %s%n",
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, bytes, gzipped, css.length(), cssGzipped, Files.readString(Path.of("/proc/loadavg")).trim());
        }
        System.exit(0);
    }

    private static void run(HttpClient http, HttpRequest request, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }
}
