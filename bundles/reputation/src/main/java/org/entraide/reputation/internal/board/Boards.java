package org.entraide.reputation.internal.board;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.entraide.reputation.internal.ledger.Entry;
import org.entraide.reputation.internal.ledger.LedgerListener;
import org.entraide.jdbc.Sql;

/**
 * Keeps the leaderboards' sums in step with the ledger, in the ledger's transaction (the brand's lock
 * serializes the writers, so an update-then-insert is safe). A reversal counts in the periods of the entry
 * it takes back: a vote retracted this week lowers the week it was cast in.
 */
public final class Boards implements LedgerListener {
    private final PostCatalog posts;
    private final Tallies tallies;

    public Boards(PostCatalog posts, Standings standings) {
        this.posts = posts;
        this.tallies = standings.tallies();
    }

    /** The scope key of the whole brand, of a topic, of a tag. */
    public static String scope(Long topicId, String tag) {
        if (topicId != null) {
            return "topic:" + topicId;
        }
        return tag == null ? "" : "tag:" + tag;
    }

    @Override
    public void posted(Connection c, Entry entry, Entry original) {
        if (entry.amount() == 0) {
            return;
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(scope(null, null));
        if (entry.postId() != null) {
            posts.find(c, entry.postId()).ifPresent(p -> {
                if (p.topicId() != null) {
                    scopes.add(scope(p.topicId(), null));
                }
                p.tags().forEach(t -> scopes.add(scope(null, t)));
            });
        }
        for (Period period : Period.values()) {
            String key = period.key(original.occurredAt());
            for (String scope : scopes) {
                // the brand's all-time board is reputation_user itself
                if (period != Period.ALL || !scope.isEmpty()) {
                    add(c, entry.brandId(), key, scope, entry.userId(), entry.amount());
                }
            }
        }
    }

    @Override
    public void reputationMoved(Connection c, long brandId, Integer before, int after) {
        tallies.move(c, brandId, Period.ALL.key(null), "", before, after);
    }

    @Override
    public void cleared(Connection c, long brandId) {
        Sql.update(c, "DELETE FROM reputation_board WHERE brand_id = ?", brandId);
        tallies.reset(c, brandId);
    }

    private void add(Connection c, long brandId, String period, String scope, long userId, int amount) {
        Integer before = Sql.one(c, "SELECT points FROM reputation_board WHERE brand_id = ? AND period = ? AND scope = ? "
            + "AND user_id = ?", rs -> rs.getInt(1), brandId, period, scope, userId).orElse(null);
        int after = (before == null ? 0 : before) + amount;
        if (before == null) {
            Sql.update(c, "INSERT INTO reputation_board (brand_id, period, scope, user_id, points) VALUES (?, ?, ?, ?, ?)",
                brandId, period, scope, userId, after);
        } else if (after == 0) {
            // everything earned there was taken back: off the board, as if never on it
            Sql.update(c, "DELETE FROM reputation_board WHERE brand_id = ? AND period = ? AND scope = ? AND user_id = ?",
                brandId, period, scope, userId);
        } else {
            Sql.update(c, "UPDATE reputation_board SET points = ? WHERE brand_id = ? AND period = ? AND scope = ? "
                + "AND user_id = ?", after, brandId, period, scope, userId);
        }
        tallies.move(c, brandId, period, scope, before, before != null && after == 0 ? null : after);
    }
}
