package org.entraide.webhooks.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * This node's deliveries in flight: at most {@code total} at once, and at most {@code perEndpoint} to one endpoint, so
 * that a stalled receiver holds a few slots and never the others'. Only the sender's single dispatcher takes slots
 * (workers give them back), so what a {@link Plan} reserved is still free when the dispatcher takes it.
 */
final class SendSlots {
    private final Semaphore total;
    private final int perEndpoint;
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    SendSlots(int total, int perEndpoint) {
        this.total = new Semaphore(total);
        this.perEndpoint = perEndpoint;
    }

    /** Which deliveries fit in the free slots; made afresh each time a claiming transaction runs (or is retried). */
    final class Plan {
        private int free = total.availablePermits();
        private final Map<Long, Integer> reserved = new HashMap<>();

        boolean reserve(long endpointId) {
            int used = inFlight(endpointId) + reserved.getOrDefault(endpointId, 0);
            if (free == 0 || used >= perEndpoint) {
                return false;
            }
            free--;
            reserved.merge(endpointId, 1, Integer::sum);
            return true;
        }
    }

    Plan plan() {
        return new Plan();
    }

    /** Takes a slot a committed plan reserved. */
    void take(long endpointId) {
        total.acquireUninterruptibly();
        inFlight.computeIfAbsent(endpointId, id -> new AtomicInteger()).incrementAndGet();
    }

    void give(long endpointId) {
        inFlight.get(endpointId).decrementAndGet();
        total.release();
    }

    boolean anyFree() {
        return total.availablePermits() > 0;
    }

    /** The endpoints that may take no more deliveries now. */
    Set<Long> full() {
        return inFlight.entrySet().stream().filter(e -> e.getValue().get() >= perEndpoint).map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());
    }

    private int inFlight(long endpointId) {
        AtomicInteger n = inFlight.get(endpointId);
        return n == null ? 0 : n.get();
    }
}
