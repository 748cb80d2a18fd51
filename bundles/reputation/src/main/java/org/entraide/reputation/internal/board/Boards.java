package org.entraide.reputation.internal.board;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.entraide.reputation.internal.db.Sql;
import org.entraide.reputation.internal.ledger.Entry;
import org.entraide.reputation.internal.ledger.EntryListener;

/**
 * Keeps the leaderboards' sums in step with the ledger, in the ledger's transaction (the brand's lock
 * serializes the writers, so an update-then-insert is safe). A reversal counts in the periods of the entry
 * it takes back: a vote retracted this week lowers the week it was cast in.
 */
public final class Boards implements EntryListener {
    private final PostCatalog posts;

    public Boards(PostCatalog posts) {
        this.posts = posts;
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
    public void cleared(Connection c, long brandId) {
        Sql.update(c, "DELETE FROM reputation_board WHERE brand_id = ?", brandId);
    }

    private static void add(Connection c, long brandId, String period, String scope, long userId, int amount) {
        int n = Sql.update(c, "UPDATE reputation_board SET points = points + ? WHERE brand_id = ? AND period = ? "
            + "AND scope = ? AND user_id = ?", amount, brandId, period, scope, userId);
        if (n == 0) {
            Sql.update(c, "INSERT INTO reputation_board (brand_id, period, scope, user_id, points) VALUES (?, ?, ?, ?, ?)",
                brandId, period, scope, userId, amount);
        }
    }
}
