package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.model.PostType;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;
import org.entraide.reputation.internal.ledger.Bookkeeper;
import org.entraide.reputation.internal.ledger.Entry;
import org.entraide.reputation.internal.ledger.PrivateHistory;
import org.entraide.reputation.internal.ledger.PrivateHistory.PrivateEntry;
import org.entraide.reputation.internal.rules.BrandRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps complaints out of everything public. Whoever can read a member's public history, total or a leaderboard
 * could tie a complaint to its author by the post id or by the time of a moderator's decision, so complaints and
 * the responses to them are worth no points at all: what moderation decides about them goes to the member's
 * private history only, and no {@code reputation.changed} event is announced.
 */
public final class ComplaintPrivacy {
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintPrivacy.class);

    private final PrivateHistory history;

    public ComplaintPrivacy(PrivateHistory history) {
        this.history = history;
    }

    /** The post a moderation decision is about, as the core's post events name it. */
    record Decided(long postId, PostType postType, long authorId) {
    }

    /** Whether a post of this type is a complaint or a response to one (the core's post events name the post's type). */
    public static boolean concernsComplaint(PostType type) {
        return type == PostType.COMPLAINT || type == PostType.RESPONSE;
    }

    /** Moderation rejected the post ({@code rejected}), or published it again after a rejection (an appeal). */
    void decided(Connection c, DomainEvent e, Decided p, boolean rejected) {
        String kind = p.postType() == PostType.COMPLAINT ? "complaint-" : "response-";
        history.record(c, new PrivateEntry(0, e.brandId(), p.authorId(), kind + (rejected ? "rejected" : "restored"),
            p.postId(), e.id(), e.occurredAt()));
    }

    /**
     * Takes out of the public ledger what it still holds about complaints, from before they were private (the V7
     * migration copied those entries to the private history): the points they moved are given back through
     * ordinary reversals, so that totals and leaderboards follow, and then the entries and their reversals are
     * deleted. Nothing is announced. Does nothing once done.
     */
    public static void repair(Transactions tx, Bookkeeper keeper, BrandRules rules, Clock clock) {
        List<Long> brands = tx.inTransaction(c -> Sql.list(c, "SELECT DISTINCT e.brand_id FROM reputation_entry e "
            + "WHERE e.post_id IN (SELECT post_id FROM reputation_private_entry)", rs -> rs.getLong(1)));
        for (long brandId : brands) {
            tx.inTransaction(c -> {
                keeper.lockBrand(c, brandId);
                String ofComplaints = "FROM reputation_entry WHERE brand_id = ? AND post_id IN "
                    + "(SELECT post_id FROM reputation_private_entry WHERE brand_id = ?)";
                var posting = keeper.open(c, brandId, null, clock.instant(), rules.points(c, brandId));
                List<Entry> standing = keeper.ledger().select(c, ofComplaints
                    + " AND reversed = FALSE AND reverses_id IS NULL ORDER BY id", brandId, brandId);
                standing.forEach(entry -> posting.reverse(entry, "complaint-private"));
                int deleted = Sql.update(c, "DELETE " + ofComplaints, brandId, brandId);
                LOG.info("Reputation of brand {}: {} ledger entries about complaints made private", brandId, deleted);
                return null;
            });
        }
    }
}
