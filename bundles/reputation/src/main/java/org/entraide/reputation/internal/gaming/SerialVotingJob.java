package org.entraide.reputation.internal.gaming;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.entraide.api.storage.Transactions;
import org.entraide.reputation.internal.events.Announcer;
import org.entraide.reputation.internal.events.VoteJournal;
import org.entraide.reputation.internal.ledger.Bookkeeper;
import org.entraide.reputation.internal.ledger.Entry;
import org.entraide.reputation.internal.ledger.Posting;
import org.entraide.reputation.internal.ledger.Scorer;
import org.entraide.reputation.internal.rules.BrandRules;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverses serial voting: for each suspect pair, takes back what the votes gave (cause "serial-voting"),
 * marks the votes invalidated so that no recomputation counts them again, and records a case for moderators.
 * Each brand in its own transaction, under the brand's lock; nodes that run it at the same time find the
 * votes already invalidated.
 */
public final class SerialVotingJob {
    private static final Logger LOG = LoggerFactory.getLogger(SerialVotingJob.class);
    private static final String CASE_COLUMNS = "id, brand_id, voter_id, author_id, pattern, votes, points_reversed, detected_at";

    private final Transactions tx;
    private final Bookkeeper keeper;
    private final Scorer scorer;
    private final BrandRules rules;
    private final VoteJournal votes;
    private final SerialVoting detector;
    private final Announcer announcer;
    private final Clock clock;
    private volatile Duration period;
    private volatile Instant lastRun = Instant.EPOCH;

    public SerialVotingJob(Transactions tx, Bookkeeper keeper, Scorer scorer, BrandRules rules, VoteJournal votes,
                           SerialVoting detector, Announcer announcer, Clock clock, Duration period) {
        this.tx = tx;
        this.keeper = keeper;
        this.scorer = scorer;
        this.rules = rules;
        this.votes = votes;
        this.detector = detector;
        this.announcer = announcer;
        this.clock = clock;
        this.period = period;
    }

    public void setPeriod(Duration period) {
        this.period = period;
    }

    /** Called every minute by the timer route: runs when the configured period has passed (never when it is 0). */
    public void tick() {
        Instant now = clock.instant();
        Duration p = period;
        if (p.isZero() || now.isBefore(lastRun.plus(p))) {
            return;
        }
        lastRun = now;
        List<Long> brands = tx.inTransaction(c -> Sql.list(c, "SELECT brand_id FROM reputation_brand ORDER BY brand_id",
            rs -> rs.getLong(1)));
        for (long brandId : brands) {
            try {
                run(brandId);
            } catch (RuntimeException e) {
                LOG.error("Serial-voting check of brand {} failed; the next run tries again", brandId, e);
            }
        }
    }

    /** Reverses the brand's serial voting now. @return the new cases */
    public List<SerialCase> run(long brandId) {
        return tx.inTransaction(c -> {
            keeper.lockBrand(c, brandId);
            Instant now = clock.instant();
            Posting posting = keeper.open(c, brandId, null, now, rules.points(c, brandId));
            List<SerialCase> cases = new ArrayList<>();
            for (SerialVoting.Suspect s : detector.suspects(c, brandId, now)) {
                int taken = 0;
                for (long postId : s.postIds()) {
                    for (Entry e : scorer.withdrawVote(c, posting, postId, s.voterId(), "serial-voting")) {
                        taken += e.userId() == s.authorId() ? -e.amount() : 0;
                    }
                    votes.invalidate(c, postId, s.voterId());
                }
                cases.add(record(c, new SerialCase(0, brandId, s.voterId(), s.authorId(), s.pattern(), s.votes(), taken, now)));
                LOG.info("Serial voting ({}) by member {} for member {} in brand {}: {} votes reversed, {} points taken back",
                    s.pattern(), s.voterId(), s.authorId(), brandId, s.votes(), taken);
            }
            announcer.announce(c, brandId, null, posting.changes(), rules.thresholds(c, brandId));
            return cases;
        });
    }

    public List<SerialCase> cases(Connection c, long brandId, int limit) {
        return Sql.list(c, "SELECT " + CASE_COLUMNS + " FROM reputation_serial_case WHERE brand_id = ? "
            + "ORDER BY detected_at DESC, id DESC LIMIT ?", rs -> new SerialCase(rs.getLong("id"), rs.getLong("brand_id"),
                rs.getLong("voter_id"), rs.getLong("author_id"), rs.getString("pattern"), rs.getInt("votes"),
                rs.getInt("points_reversed"), Sql.instant(rs, "detected_at")), brandId, limit);
    }

    private static SerialCase record(Connection c, SerialCase k) {
        long id = Sql.insert(c, "INSERT INTO reputation_serial_case (brand_id, voter_id, author_id, pattern, votes, "
            + "points_reversed, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)", k.brandId(), k.voterId(), k.authorId(),
            k.pattern(), k.votes(), k.pointsReversed(), k.detectedAt());
        return new SerialCase(id, k.brandId(), k.voterId(), k.authorId(), k.pattern(), k.votes(), k.pointsReversed(),
            k.detectedAt());
    }
}
