package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entraide.jdbc.Sql;

/**
 * How far each party has read a complaint's private thread ({@code lm_message_read}), and what is left unread: the
 * other party's messages above the party's mark, a message removed by moderation excepted (there is nothing to read).
 */
final class MessageReads {
    private MessageReads() {
    }

    /** The party was shown the thread up to {@code lastMessageId}; the mark never moves back (an older page read later). */
    static void mark(Connection c, long complaintId, long userId, long lastMessageId, Instant now) {
        if (forward(c, complaintId, userId, lastMessageId, now) > 0
            || Sql.count(c, "SELECT COUNT(*) FROM lm_message_read WHERE complaint_id = ? AND user_id = ?", complaintId, userId) > 0) {
            return;
        }
        // the same party reading in two tabs at once costs the loser its insert, not its transaction
        if (!Sql.insertUnlessPresent(c, "INSERT INTO lm_message_read (complaint_id, user_id, last_message_id, read_at) "
            + "VALUES (?, ?, ?, ?)", complaintId, userId, lastMessageId, now)) {
            forward(c, complaintId, userId, lastMessageId, now);
        }
    }

    private static int forward(Connection c, long complaintId, long userId, long lastMessageId, Instant now) {
        return Sql.update(c, "UPDATE lm_message_read SET last_message_id = ?, read_at = ? WHERE complaint_id = ? AND user_id = ? "
            + "AND last_message_id < ?", lastMessageId, now, complaintId, userId, lastMessageId);
    }

    /**
     * The caller's unread messages in each of those complaints' threads, in one query for the whole page; complaints with
     * none are left out. It does not check that the caller is a party: the callers do.
     */
    static Map<Long, Long> unread(Connection c, long userId, Collection<Long> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new java.util.ArrayList<>();
        params.add(userId);
        params.addAll(complaintIds);
        params.add(userId);
        Map<Long, Long> out = new HashMap<>();
        for (long[] row : Sql.list(c, "SELECT m.complaint_id, COUNT(*) FROM lm_message m LEFT JOIN lm_message_read r ON r.complaint_id = m.complaint_id "
            + "AND r.user_id = ? WHERE m.complaint_id IN (" + String.join(", ", Collections.nCopies(complaintIds.size(), "?")) + ") "
            + "AND m.author_id <> ? AND m.hidden_at IS NULL AND m.id > COALESCE(r.last_message_id, 0) GROUP BY m.complaint_id",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)}, params.toArray())) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** One thread's unread count for a member, and whether they read it as its assigned manager (else as complainant). */
    record Unread(long complaintId, boolean asManager, long count) {
    }

    /** What the member's threads have unread as one part of {@link #everywhere}'s query: the branch of one role. */
    private static final String BRANCH = "SELECT a.complaint_id, %d, COUNT(*) FROM lm_assignment a "
        + "JOIN lm_message m ON m.complaint_id = a.complaint_id "
        + "LEFT JOIN lm_message_read r ON r.complaint_id = a.complaint_id AND r.user_id = ? "
        + "WHERE a.%s = ? AND a.brand_id = ? AND m.author_id <> ? AND m.hidden_at IS NULL "
        + "AND m.id > COALESCE(r.last_message_id, 0) GROUP BY a.complaint_id";

    /**
     * The member's unread messages in every thread they are a party of in the brand, as complainant and as assigned
     * manager, per complaint with something unread: one query whose two branches each read an index of the member's
     * assignments ({@code lm_assignment_complainant_ix}, {@code lm_assignment_inbox_ix}), then each thread's messages
     * by {@code lm_message_complaint_ix}. Whether each complaint is still public is the caller's to check.
     */
    static List<Unread> everywhere(Connection c, long brandId, long userId) {
        return Sql.list(c, sql(), rs -> new Unread(rs.getLong(1), rs.getInt(2) == 1, rs.getLong(3)),
            userId, userId, brandId, userId, userId, userId, brandId, userId);
    }

    /** The SQL of {@link #everywhere}, for the tests that read its plan. */
    static String sql() {
        return BRANCH.formatted(0, "complainant_id") + " UNION ALL " + BRANCH.formatted(1, "manager_id");
    }
}
