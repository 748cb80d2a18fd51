package org.entraide.reputation.internal.ledger;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;


/** The {@code reputation_entry} table, within the caller's transaction. */
public final class Ledger {
    static final String COLUMNS = "id, brand_id, user_id, amount, rule_points, reason, event_id, post_id, actor_id, "
        + "occurred_at, cap_day, cappable, capped, reversed, reverses_id, reversal_cause";

    public Entry insert(Connection c, Entry e) {
        long id = Sql.insert(c, "INSERT INTO reputation_entry (brand_id, user_id, amount, rule_points, reason, event_id, "
                + "post_id, actor_id, occurred_at, cap_day, cappable, capped, reversed, reverses_id, reversal_cause) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            e.brandId(), e.userId(), e.amount(), e.rulePoints(), e.reason(), e.eventId(), e.postId(), e.actorId(),
            e.occurredAt(), e.capDay(), e.cappable(), e.capped(), e.reversed(), e.reversesId(), e.reversalCause());
        return e.withId(id);
    }

    public void markReversed(Connection c, long entryId) {
        Sql.update(c, "UPDATE reputation_entry SET reversed = TRUE WHERE id = ?", entryId);
    }

    /**
     * What {@code actorId} caused about {@code postId} under these reasons and that still stands: what a
     * vote or an acceptance gave, which retracting it takes back.
     */
    public List<Entry> standing(Connection c, long postId, long actorId, Collection<String> reasons) {
        String in = String.join(", ", reasons.stream().map(r -> "?").toList());
        Object[] params = new Object[2 + reasons.size()];
        params[0] = postId;
        params[1] = actorId;
        int i = 2;
        for (String r : reasons) {
            params[i++] = r;
        }
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_entry WHERE post_id = ? AND actor_id = ? AND reason IN ("
            + in + ") AND reversed = FALSE AND reverses_id IS NULL ORDER BY id", Ledger::map, params);
    }

    /** What {@code userId} earned or lost on {@code postId} under these reasons and that still stands. */
    public List<Entry> standingFor(Connection c, long postId, long userId, Collection<String> reasons) {
        List<Object> params = new java.util.ArrayList<>(List.of(postId, userId));
        params.addAll(reasons);
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_entry WHERE post_id = ? AND user_id = ? AND reason IN ("
            + String.join(", ", reasons.stream().map(r -> "?").toList())
            + ") AND reversed = FALSE AND reverses_id IS NULL ORDER BY id", Ledger::map, params.toArray());
    }

    /** What a user earned on a day from capped rules, not counting gains taken back since. */
    public int earnedOn(Connection c, long userId, LocalDate day) {
        return (int) Sql.count(c, "SELECT COALESCE(SUM(amount), 0) FROM reputation_entry WHERE user_id = ? AND cap_day = ? "
            + "AND cappable = TRUE AND reverses_id IS NULL AND reversed = FALSE", userId, day);
    }

    /** A user's entries, newest first. */
    public List<Entry> history(Connection c, long userId, int offset, int limit) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_entry WHERE user_id = ? ORDER BY id DESC "
            + "LIMIT ? OFFSET ?", Ledger::map, userId, limit, offset);
    }

    /** The entries of {@code fromWhere} ("FROM reputation_entry WHERE ..."), for a one-off repair. */
    public List<Entry> select(Connection c, String fromWhere, Object... params) {
        return Sql.list(c, "SELECT " + COLUMNS + " " + fromWhere, Ledger::map, params);
    }

    public long count(Connection c, long userId) {
        return Sql.count(c, "SELECT COUNT(*) FROM reputation_entry WHERE user_id = ?", userId);
    }

    static Entry map(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("brand_id"), rs.getLong("user_id"), rs.getInt("amount"),
            rs.getInt("rule_points"), rs.getString("reason"), Sql.nullableLong(rs, "event_id"),
            Sql.nullableLong(rs, "post_id"), Sql.nullableLong(rs, "actor_id"), Sql.instant(rs, "occurred_at"),
            rs.getObject("cap_day", LocalDate.class), rs.getBoolean("cappable"), rs.getBoolean("capped"),
            rs.getBoolean("reversed"), Sql.nullableLong(rs, "reverses_id"), rs.getString("reversal_cause"));
    }
}
