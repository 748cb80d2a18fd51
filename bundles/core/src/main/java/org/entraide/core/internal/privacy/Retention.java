package org.entraide.core.internal.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * Enforces the brands' retention periods (a timer on every node; each pass deletes what is past its time, so running
 * it twice, or on two nodes at once, deletes nothing more). Per brand: e-mails sent or failed older than
 * {@code logDays}, expired export rows older than {@code logDays}. Sign-in addresses (keyed by a digest of brand and
 * address, so of no brand the job can read) are kept the shortest {@code logDays} of any brand. Private complaint
 * threads that ended more than {@code threadDays} ago are expired by the bundles that keep them
 * ({@link org.entraide.api.privacy.PersonalData#expirePrivateThreads}: the local managers' private messages).
 */
public final class Retention {
    private final Database db;
    private final PersonalDataServices bundles;
    private final Clock clock;

    public Retention(Database db, PersonalDataServices bundles, Clock clock) {
        this.db = db;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** One pass; answers how many rows went. */
    public int run() {
        Instant now = clock.instant();
        PrivacyPolicies policies = new PrivacyPolicies();
        List<Long> brands = db.inTransaction(c -> Sql.list(c, "SELECT id FROM brand ORDER BY id", rs -> rs.getLong(1)));
        int deleted = 0;
        int shortestLogDays = PrivacyPolicies.DEFAULT_LOG_DAYS;
        for (long brandId : brands) {
            PrivacyPolicies.Policy p = db.inTransaction(c -> policies.of(c, brandId));
            shortestLogDays = Math.min(shortestLogDays, p.logDays());
            Instant logs = now.minus(Duration.ofDays(p.logDays()));
            deleted += db.inTransaction(c -> Sql.update(c, "DELETE FROM mail_outbox WHERE brand_id = ? AND status IN "
                + "('SENT', 'FAILED') AND created_at < ?", brandId, logs)
                + Sql.update(c, "DELETE FROM privacy_export WHERE brand_id = ? AND state = 'EXPIRED' AND requested_at < ?",
                    brandId, logs));
            Instant threads = now.minus(Duration.ofDays(p.threadDays()));
            for (org.entraide.api.privacy.PersonalData bundle : bundles.all()) {
                // one transaction per bundle: a plugin that fails leaves the others' expiry done
                deleted += db.inTransaction(c -> bundle.expirePrivateThreads(brandId, threads));
            }
        }
        long cutoff = now.minus(Duration.ofDays(shortestLogDays)).toEpochMilli();
        deleted += db.inTransaction(c -> Sql.update(c, "DELETE FROM login_address WHERE last_success_millis < ?", cutoff));
        return deleted;
    }
}
