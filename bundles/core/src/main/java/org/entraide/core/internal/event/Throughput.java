package org.entraide.core.internal.event;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Events applied per second and subscriber over the last minute, on this node. */
public final class Throughput {
    private record Sample(long at, long count) {
    }

    private static final long WINDOW_MILLIS = 60_000;
    private final Clock clock;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    Throughput(Clock clock) {
        this.clock = clock;
    }

    void record(String subscriber, long applied) {
        if (applied == 0) {
            return;
        }
        Deque<Sample> q = samples.computeIfAbsent(subscriber, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(new Sample(clock.millis(), applied));
            trim(q);
        }
    }

    public double perSecond(String subscriber) {
        Deque<Sample> q = samples.get(subscriber);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            trim(q);
            return q.stream().mapToLong(Sample::count).sum() / (WINDOW_MILLIS / 1000.0);
        }
    }

    private void trim(Deque<Sample> q) {
        long from = clock.millis() - WINDOW_MILLIS;
        while (!q.isEmpty() && q.peekFirst().at() < from) {
            q.pollFirst();
        }
    }
}
