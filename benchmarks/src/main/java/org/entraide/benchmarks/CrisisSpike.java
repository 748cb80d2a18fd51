package org.entraide.benchmarks;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The crisis spike of issue 18: {@code --clients} visitors (2,000) each open every one of the same {@code --pages}
 * pages once (20), at moments drawn at random within {@code --seconds} (60), each visitor on its own keep-alive
 * connection, as browsers sent by a crisis would. The load is open: a request is sent at its moment whatever the
 * server's pace, and its latency counts from that moment, so a server that falls behind is charged for the wait
 * (no coordinated omission). Prints the requests, errors (any status but 200, any socket error) and percentiles.
 * Usage: {@code CrisisSpike [--clients 2000] [--seconds 60] [--threads 256] url...} (loopback URLs only).
 */
public final class CrisisSpike {
    private record Visit(long atNanos, int client, int page) {
    }

    private CrisisSpike() {
    }

    public static void main(String[] argv) throws Exception {
        int clients = 2000;
        int seconds = 60;
        int threads = 256;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--clients" -> clients = Integer.parseInt(argv[++i]);
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--threads" -> threads = Integer.parseInt(argv[++i]);
                default -> urls.add(argv[i]);
            }
        }
        URI first = URI.create(urls.get(0));
        if (!"127.0.0.1".equals(first.getHost())) {
            throw new IllegalArgumentException("loopback only: " + first);
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", first.getPort());
        byte[][] requests = urls.stream().map(u -> ("GET " + URI.create(u).getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + first.getPort() + "\r\nAccept: text/html\r\nAccept-Language: fr-FR,fr;q=0.9,en;q=0.8\r\n"
            + "Accept-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

        Random random = new Random(18);
        long span = TimeUnit.SECONDS.toNanos(seconds);
        List<Visit> visits = new ArrayList<>(clients * requests.length);
        for (int c = 0; c < clients; c++) {
            for (int p = 0; p < requests.length; p++) {
                visits.add(new Visit((long) (random.nextDouble() * span), c, p));
            }
        }
        visits.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        HttpConnection[] connections = new HttpConnection[clients];
        Arrays.setAll(connections, i -> new HttpConnection(address));
        Histogram latency = new ConcurrentHistogram(3); // resizes: a server that falls far behind is still measured
        AtomicLong errors = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spike-client");
            t.setDaemon(true);
            return t;
        });
        System.out.printf(Locale.ROOT, "crisis spike: %,d visitors x %d pages within %d s (%,d requests, %.0f/s on average), "
            + "load %.2f%n", clients, requests.length, seconds, visits.size(), visits.size() / (double) seconds,
            MachineLoad.sample().loadAverage());
        long start = System.nanoTime();
        for (Visit v : visits) {
            long wait = start + v.atNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.execute(() -> {
                HttpConnection c = connections[v.client()];
                synchronized (c) {
                    try {
                        int status = c.exchange(requests[v.page()]).status();
                        if (status != 200) {
                            errors.incrementAndGet();
                            failures.add("status " + status);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        failures.add(e.toString());
                        c.close();
                    }
                    latency.recordValue(Math.max(0, System.nanoTime() - start - v.atNanos()));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        for (HttpConnection c : connections) {
            c.close();
        }
        System.out.printf(Locale.ROOT, "crisis spike | %,d requests in %.1f s, %d errors%s; latency from each request's "
            + "moment: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; load %.2f%n", latency.getTotalCount(), took,
            errors.get(), failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")", latency.getValueAtPercentile(50) / 1e6,
            latency.getValueAtPercentile(99) / 1e6, latency.getValueAtPercentile(99.9) / 1e6, latency.getMaxValue() / 1e6,
            MachineLoad.sample().loadAverage());
    }
}
