package org.entraide.core.internal.rest;

import java.time.Clock;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.ratelimit.HitLog;
import org.entraide.core.internal.ratelimit.RatePolicy;

/**
 * Sliding-window limits per action and key (a user, a client address), answered with 429 and Retry-After. The
 * hits are kept in the database ({@link HitLog}), so N nodes allow what one node allows; the policy can change
 * while running.
 */
public final class RateLimits {
    private final HitLog log;
    private volatile RatePolicy policy;

    public RateLimits(Database db, Clock clock, RatePolicy policy) {
        this.log = new HitLog(db, clock);
        this.policy = policy;
    }

    public void update(RatePolicy newPolicy) {
        this.policy = newPolicy;
    }

    public RatePolicy policy() {
        return policy;
    }

    HitLog log() {
        return log;
    }

    /** Counts a hit and refuses it with 429 when the key already used up its window. */
    public void check(String action, String key) {
        count(action, key, true);
    }

    /** Refuses with 429 when the key used up its window, without counting this hit (for counting failures only). */
    public void requireAllowed(String action, String key) {
        count(action, key, false);
    }

    /** Counts one hit, such as a failed login. */
    public void record(String action, String key) {
        RatePolicy p = policy;
        if (p.limit(action) == null) {
            return;
        }
        log.inTransaction((c, now) -> {
            log.lockAndCount(c, action, key, now - p.window().toMillis());
            log.add(c, action, key, now);
            return null;
        });
    }

    private void count(String action, String key, boolean hit) {
        RatePolicy p = policy;
        Integer limit = p.limit(action);
        if (limit == null) {
            return;
        }
        long window = p.window().toMillis();
        log.purgeOlderThan(Math.max(window, p.loginWindow().toMillis()));
        log.inTransaction((c, now) -> {
            HitLog.Hits hits = log.lockAndCount(c, action, key, now - window);
            if (hits.count() >= limit) {
                throw tooMany(action, hits.oldest() + window - now);
            }
            if (hit) {
                log.add(c, action, key, now);
            }
            return null;
        });
    }

    /** A 429 whose Retry-After is at least one second. */
    static ProblemException tooMany(String action, long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return ProblemException.tooManyRequests("too many " + action + " attempts; try again later", seconds);
    }
}
