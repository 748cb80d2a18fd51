package org.entraide.core.internal.ratelimit;

import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.security.Tokens;

/**
 * Sliding-window hit logs in the database, so that every node counts the same hits. Work on a key runs in a
 * transaction that first locks the key's row: the count and the hit that follows it are atomic across nodes.
 */
public final class HitLog {
    /** The hits of a key within its window: how many, the oldest and the newest (epoch millis; 0 when none). */
    public record Hits(int count, long oldest, long newest) {
    }

    /** Work done while holding the locks of some keys. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c, long now);
    }

    private static final long PURGE_EVERY_MILLIS = 60_000;
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    public HitLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Runs work in one transaction; retried when two nodes created the same key's row at once. */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> work.run(c, clock.millis()));
            } catch (Sql.Failure e) {
                if (!e.isUniqueViolation() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Locks the key (until the transaction ends), forgets its hits older than {@code from} and returns the others.
     * Lock keys in one order (the callers' fixed action order) so that two transactions never wait on each other.
     */
    public Hits lockAndCount(Connection c, String action, String key, long from) {
        String subject = subject(key);
        if (Sql.one(c, "SELECT action FROM rate_limit WHERE action = ? AND subject = ? FOR UPDATE",
            rs -> rs.getString(1), action, subject).isEmpty()) {
            Sql.update(c, "INSERT INTO rate_limit (action, subject) VALUES (?, ?)", action, subject);
        }
        Sql.update(c, "DELETE FROM rate_limit_hit WHERE action = ? AND subject = ? AND at_millis <= ?", action, subject, from);
        return Sql.one(c, "SELECT COUNT(*), MIN(at_millis), MAX(at_millis) FROM rate_limit_hit WHERE action = ? AND subject = ?",
            rs -> new Hits(rs.getInt(1), rs.getLong(2), rs.getLong(3)), action, subject).orElseThrow();
    }

    public void add(Connection c, String action, String key, long now) {
        Sql.update(c, "INSERT INTO rate_limit_hit (action, subject, at_millis) VALUES (?, ?, ?)", action, subject(key), now);
    }

    public void clear(Connection c, String action, String key) {
        Sql.update(c, "DELETE FROM rate_limit_hit WHERE action = ? AND subject = ?", action, subject(key));
    }

    /** Now and then, forgets the hits older than {@code keep} of every key, so that idle keys do not pile up. */
    public void purgeOlderThan(long keep) {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM rate_limit_hit WHERE at_millis <= ?", now - keep);
            return Sql.update(c, "DELETE FROM rate_limit WHERE NOT EXISTS (SELECT 1 FROM rate_limit_hit h "
                + "WHERE h.action = rate_limit.action AND h.subject = rate_limit.subject)");
        });
    }

    /** Keys hold e-mail addresses and client addresses: only their digest is stored. */
    public static String subject(String key) {
        return Tokens.digest(key);
    }
}
