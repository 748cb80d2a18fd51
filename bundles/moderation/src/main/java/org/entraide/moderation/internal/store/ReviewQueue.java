package org.entraide.moderation.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.api.problem.ProblemException;
import org.entraide.jdbc.Sql;

/**
 * The brand's review queue: posts held before publication (source HOLD) and posts hidden by flags (FLAG). An
 * item is OPEN, then CLAIMED by one moderator, then DECIDED; a claim and a decision lock the item's row, so
 * two moderators never decide the same item.
 */
public final class ReviewQueue {
    /** An item of the queue. */
    public record Item(long id, long postId, String source, String status, String detail, Long claimedBy, Long decidedBy,
                       String decision, String reasonCode, Instant createdAt, Instant decidedAt) {
    }

    private static final String COLUMNS = "id, post_id, source, status, detail, claimed_by, decided_by, decision, reason_code, "
        + "created_at, decided_at";

    /** Queues the post unless it already waits in the queue. */
    public void add(Connection c, long brandId, long postId, String source, String detail, Instant now) {
        add(c, brandId, postId, source, detail, null, now);
    }

    /** Queues the post with the rules that held it (JSON, as {@link HeldVerdicts} keeps them), unless it already waits. */
    public void add(Connection c, long brandId, long postId, String source, String detail, String rules, Instant now) {
        // a MESSAGE item's post_id is a private message's id, not a post's
        if (Sql.count(c, "SELECT COUNT(*) FROM moderation_item WHERE post_id = ? AND status <> 'DECIDED' AND source <> 'MESSAGE'",
                postId) == 0) {
            Sql.update(c, "INSERT INTO moderation_item (brand_id, post_id, source, status, detail, rules, created_at) "
                + "VALUES (?, ?, ?, 'OPEN', ?, ?, ?)", brandId, postId, source, detail, rules, now);
        }
    }

    /** Oldest first; {@code status} and {@code source} null for all. */
    public List<Item> list(Connection c, long brandId, String status, String source, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM moderation_item");
        List<Object> params = where(sql, brandId, status, source);
        sql.append(" ORDER BY created_at, id LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return Sql.list(c, sql.toString(), ReviewQueue::map, params.toArray());
    }

    /** How many items {@link #list} pages through. */
    public long count(Connection c, long brandId, String status, String source) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM moderation_item");
        List<Object> params = where(sql, brandId, status, source);
        return Sql.count(c, sql.toString(), params.toArray());
    }

    private static List<Object> where(StringBuilder sql, long brandId, String status, String source) {
        sql.append(" WHERE brand_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(brandId));
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (source != null) {
            sql.append(" AND source = ?");
            params.add(source);
        }
        return params;
    }

    /** The item, locked until the transaction ends; 404 outside the brand. */
    public Item lock(Connection c, long brandId, long id) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM moderation_item WHERE id = ? AND brand_id = ? FOR UPDATE",
            ReviewQueue::map, id, brandId).orElseThrow(() -> ProblemException.notFound("no review item " + id));
    }

    /** Locks an item a moderator is about to decide: 409 when it is decided already or another moderator holds it. */
    public Item lockForDecision(Connection c, long brandId, long id, long moderatorId) {
        Item item = lock(c, brandId, id);
        checkOpenTo(item, moderatorId);
        return item;
    }

    private static void checkOpenTo(Item item, long moderatorId) {
        if (item.status().equals("DECIDED")) {
            throw ProblemException.conflict("item " + item.id() + " is already decided");
        }
        if (item.claimedBy() != null && item.claimedBy() != moderatorId) {
            throw ProblemException.conflict("item " + item.id() + " is claimed by another moderator");
        }
    }

    public void claim(Connection c, Item item, long moderatorId, Instant now) {
        checkOpenTo(item, moderatorId);
        Sql.update(c, "UPDATE moderation_item SET status = 'CLAIMED', claimed_by = ?, claimed_at = ? WHERE id = ?",
            moderatorId, now, item.id());
    }

    public void decide(Connection c, Item item, long moderatorId, String decision, String reasonCode, Instant now) {
        Sql.update(c, "UPDATE moderation_item SET status = 'DECIDED', decided_by = ?, decision = ?, reason_code = ?, "
            + "decided_at = ? WHERE id = ?", moderatorId, decision, reasonCode, now, item.id());
    }

    /** Open items older than {@code before} not reminded yet, locked and skipped by other nodes. */
    public List<Item> overdue(Connection c, Instant before, int limit) {
        // reminders name a post: reported private messages (source MESSAGE) are not posts
        return Sql.claim(c, COLUMNS, "moderation_item", "status <> 'DECIDED' AND reminded_at IS NULL "
            + "AND source <> 'MESSAGE' AND created_at < ?", "id", limit, ReviewQueue::map, before);
    }

    public void reminded(Connection c, long id, Instant now) {
        Sql.update(c, "UPDATE moderation_item SET reminded_at = ? WHERE id = ?", now, id);
    }

    public Optional<Long> brandOf(Connection c, long id) {
        return Sql.one(c, "SELECT brand_id FROM moderation_item WHERE id = ?", rs -> rs.getLong(1), id);
    }

    private static Item map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(rs.getLong("id"), rs.getLong("post_id"), rs.getString("source"), rs.getString("status"),
            rs.getString("detail"), Sql.nullableLong(rs, "claimed_by"), Sql.nullableLong(rs, "decided_by"),
            rs.getString("decision"), rs.getString("reason_code"), Sql.instant(rs, "created_at"), Sql.instant(rs, "decided_at"));
    }
}
