package org.entraide.reputation.internal.recompute;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.entraide.api.storage.Transactions;
import org.entraide.reputation.internal.events.AcceptanceJournal;
import org.entraide.reputation.internal.events.AwardJournal;
import org.entraide.reputation.internal.events.RejectionJournal;
import org.entraide.reputation.internal.events.Announcer;
import org.entraide.reputation.internal.events.VoteJournal;
import org.entraide.reputation.internal.ledger.Bookkeeper;
import org.entraide.reputation.internal.ledger.Member;
import org.entraide.reputation.internal.ledger.Posting;
import org.entraide.reputation.internal.ledger.Scorer;
import org.entraide.reputation.internal.ledger.Vote;
import org.entraide.reputation.internal.rules.BrandRules;
import org.entraide.reputation.internal.rules.PointsTable;
import org.entraide.jdbc.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a brand's past again with today's points table: empties its ledger, then replays the standing
 * votes, acceptances and moderation rejections, oldest first, through the same rules as the event subscriber (daily cap, floor,
 * votes that do not count). A dry run does all of it in a transaction that is rolled back, and reports.
 * The brand's lock keeps the subscriber out meanwhile; events that arrive wait and are applied after.
 */
public final class Recomputation {
    private static final Logger LOG = LoggerFactory.getLogger(Recomputation.class);

    /** Something to score again, at its original time and with its original event. */
    private record Fact(Instant at, long eventId, BiConsumer<Connection, Posting> score) {
    }

    /** Carries a dry run's report out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RecomputeReport report;

        DryRun(RecomputeReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    private final Transactions tx;
    private final Bookkeeper keeper;
    private final Scorer scorer;
    private final BrandRules rules;
    private final VoteJournal votes;
    private final AcceptanceJournal acceptances;
    private final RejectionJournal rejections;
    private final AwardJournal awards;
    private final Announcer announcer;
    private final Clock clock;

    public Recomputation(Transactions tx, Bookkeeper keeper, Scorer scorer, BrandRules rules, VoteJournal votes,
                         AcceptanceJournal acceptances, RejectionJournal rejections, AwardJournal awards, Announcer announcer,
                         Clock clock) {
        this.tx = tx;
        this.keeper = keeper;
        this.scorer = scorer;
        this.rules = rules;
        this.votes = votes;
        this.acceptances = acceptances;
        this.rejections = rejections;
        this.awards = awards;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Must be called outside any transaction: a dry run rolls back the one it opens. */
    public RecomputeReport run(long brandId, boolean dryRun) {
        try {
            RecomputeReport report = tx.inTransaction(c -> {
                RecomputeReport r = recompute(c, brandId, dryRun);
                if (dryRun) {
                    throw new DryRun(r);
                }
                return r;
            });
            LOG.info("Reputation of brand {} recomputed: {} gain, {} lose", brandId, report.gains().size(),
                report.losses().size());
            return report;
        } catch (DryRun d) {
            return d.report;
        }
    }

    private RecomputeReport recompute(Connection c, long brandId, boolean dryRun) {
        keeper.lockBrand(c, brandId);
        Instant now = clock.instant();
        Map<Long, Member> before = keeper.members().all(c, brandId);
        keeper.wipe(c, brandId, now);
        PointsTable table = rules.points(c, brandId);
        List<VoteJournal.JournalVote> standingVotes = votes.standing(c, brandId);
        List<AcceptanceJournal.Acceptance> standingAcceptances = acceptances.standing(c, brandId);
        List<Fact> facts = new ArrayList<>();
        standingVotes.forEach(v -> facts.add(new Fact(v.votedAt(), v.eventId(), (conn, p) -> scorer.vote(conn, p,
            new Vote(v.postId(), v.voterId(), v.authorId(), v.answer(), v.value())))));
        standingAcceptances.forEach(a -> facts.add(new Fact(a.acceptedAt(), a.eventId(), (conn, p) ->
            scorer.accept(p, a.answerId(), a.answerAuthorId(), a.questionAuthorId()))));
        rejections.standing(c, brandId).forEach(r -> facts.add(new Fact(r.changedAt(), r.eventId(), (conn, p) ->
            scorer.reject(p, r.postId(), r.authorId()))));
        awards.all(c, brandId).forEach(a -> facts.add(new Fact(a.at(), a.eventId(), (conn, p) ->
            p.award(a.userId(), a.reason(), a.points(), a.postId(), a.actorId()))));
        facts.sort(Comparator.comparing(Fact::at).thenComparingLong(Fact::eventId));
        for (Fact f : facts) {
            f.score().accept(c, keeper.open(c, brandId, f.eventId(), f.at(), table));
        }
        List<RecomputeReport.Difference> gains = new ArrayList<>();
        List<RecomputeReport.Difference> losses = new ArrayList<>();
        List<Posting.Change> changes = new ArrayList<>();
        for (Member m : keeper.members().all(c, brandId).values()) {
            int was = before.containsKey(m.userId()) ? before.get(m.userId()).points() : Member.FLOOR;
            if (was != m.points()) {
                var d = new RecomputeReport.Difference(m.userId(), m.pseudonym(), was, m.points());
                (d.change() > 0 ? gains : losses).add(d);
                changes.add(new Posting.Change(m.userId(), was, m.points(), List.of("recomputed"), null));
            }
        }
        gains.sort(Comparator.comparingInt(RecomputeReport.Difference::change).reversed());
        losses.sort(Comparator.comparingInt(RecomputeReport.Difference::change));
        if (!dryRun) {
            announcer.announce(c, brandId, null, changes, rules.thresholds(c, brandId));
            Sql.update(c, "UPDATE reputation_brand SET recomputed_at = ? WHERE brand_id = ?", now, brandId);
        }
        long entries = Sql.count(c, "SELECT COUNT(*) FROM reputation_entry WHERE brand_id = ?", brandId);
        return new RecomputeReport(brandId, dryRun, now, standingVotes.size(), standingAcceptances.size(), entries,
            gains, losses);
    }
}
