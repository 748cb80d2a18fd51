package org.entraide.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Several clients posting questions as fast as they can, recording the ids the server acknowledged. */
public final class Burst implements AutoCloseable {
    private final ExecutorService pool;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Long> acknowledged = new ArrayList<>();

    public Burst(List<ApiClient> nodes, String token, int clients) {
        pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            ApiClient api = nodes.get(i % nodes.size());
            int client = i;
            pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        ApiClient.Response r = api.post("/api/v1/brands/demo/questions", token,
                            "{\"title\":\"Rafale " + client + "-" + n++ + "\",\"body\":\"écrite pendant la rafale\"}");
                        if (r.status() == 201) {
                            synchronized (acknowledged) {
                                acknowledged.add(r.json.get("id").asLong());
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        // the node was killed: stop this client
                        return;
                    }
                }
            });
        }
    }

    public int count() {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }

    public List<Long> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }
}
