package org.entraide.core.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.problem.ProblemException;

/**
 * Sliding-window limits per action and key (an account, a brand), answered with 429. Kept in memory:
 * per node, which is what brute-force protection needs; the map is bounded so keys cannot exhaust memory.
 */
public final class RateLimits {
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Integer> perWindow;
    private final Duration window;
    private final Map<String, Deque<Long>> hits = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** @param perWindow how many hits each action allows per key within {@code window} */
    public RateLimits(Clock clock, Duration window, Map<String, Integer> perWindow) {
        this.clock = clock;
        this.window = window;
        this.perWindow = Map.copyOf(perWindow);
    }

    /** Counts a hit and refuses it with 429 when the key already used up its window. */
    public void check(String action, String key) {
        requireAllowed(action, key);
        record(action, key);
    }

    /** Refuses with 429 when the key used up its window, without counting this hit (for counting failures only). */
    public void requireAllowed(String action, String key) {
        Integer limit = perWindow.get(action);
        if (limit == null) {
            return;
        }
        long now = clock.millis();
        synchronized (hits) {
            Deque<Long> times = recent(action, key, now);
            if (times.size() >= limit) {
                long retry = Math.max(1, (times.peekFirst() + window.toMillis() - now) / 1000);
                throw ProblemException.tooManyRequests("too many " + action + " attempts; try again later", retry);
            }
        }
    }

    /** Counts one hit, such as a failed login. */
    public void record(String action, String key) {
        if (!perWindow.containsKey(action)) {
            return;
        }
        long now = clock.millis();
        synchronized (hits) {
            recent(action, key, now).addLast(now);
        }
    }

    private Deque<Long> recent(String action, String key, long now) {
        Deque<Long> times = hits.computeIfAbsent(action + '\u0000' + key, k -> new ArrayDeque<>());
        long from = now - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() < from) {
            times.pollFirst();
        }
        return times;
    }
}
