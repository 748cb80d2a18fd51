package org.entraide.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A closed-loop load: each client sends its next request as soon as the previous response is read, so the
 * offered load adapts to the server and latency is what one user waiting on each call sees. A warm-up phase
 * (JIT, pools, connections) is run and thrown away before the measured phase of fixed duration.
 */
final class LoadGenerator {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final InetSocketAddress address;
    private final int clients;

    LoadGenerator(InetSocketAddress address, int clients) {
        this.address = address;
        this.clients = clients;
    }

    PhaseResult run(String scenario, Workload workload, Duration warmup, Duration measure) throws Exception {
        HttpConnection[] connections = new HttpConnection[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = new HttpConnection(address);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        try {
            Tally warm = phase(workload, connections, pool, warmup);
            MachineLoad before = MachineLoad.sample();
            long cpuBefore = OS.getProcessCpuTime();
            long start = System.nanoTime();
            Tally measured = phase(workload, connections, pool, measure);
            long elapsed = System.nanoTime() - start;
            double jvmCpu = (OS.getProcessCpuTime() - cpuBefore) / (double) elapsed / OS.getAvailableProcessors();
            MachineLoad after = MachineLoad.sample();
            return new PhaseResult(scenario, workload.name(), clients, measured, elapsed, warm.ok,
                after.busySince(before), jvmCpu, after.loadAverage());
        } finally {
            pool.shutdownNow();
            for (HttpConnection c : connections) {
                c.close();
            }
        }
    }

    private Tally phase(Workload workload, HttpConnection[] connections, ExecutorService pool, Duration length)
            throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<Tally>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            running.add(pool.submit(() -> loop(() -> workload.request().apply(client), workload.expectedStatus(),
                connections[client], deadline)));
        }
        Tally all = new Tally();
        for (Future<Tally> f : running) {
            all.add(f.get());
        }
        return all;
    }

    /**
     * The client's request is asked for before each exchange: most workloads answer the same prepared bytes, others
     * (articles read at random) a different prepared request each time.
     */
    private static Tally loop(Supplier<byte[]> request, int expected, HttpConnection connection, long deadline) {
        Tally tally = new Tally();
        while (System.nanoTime() < deadline) {
            byte[] next = request.get();
            long start = System.nanoTime();
            try {
                HttpConnection.Reply reply = connection.exchange(next);
                long took = System.nanoTime() - start;
                if (reply.status() == expected) {
                    tally.success(took);
                } else {
                    tally.error("HTTP " + reply.status(), reply.text());
                }
            } catch (IOException | RuntimeException e) {
                tally.error(e.getClass().getSimpleName(), e.getMessage());
                connection.close();
            }
        }
        return tally;
    }
}
