package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
        try {
            // a savepoint, so that the same party reading in two tabs at once costs the loser its insert, not its transaction
            Savepoint before = c.setSavepoint();
            try {
                Sql.update(c, "INSERT INTO lm_message_read (complaint_id, user_id, last_message_id, read_at) VALUES (?, ?, ?, ?)",
                    complaintId, userId, lastMessageId, now);
                c.releaseSavepoint(before);
            } catch (Sql.Failure e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                c.rollback(before);
                forward(c, complaintId, userId, lastMessageId, now);
            }
        } catch (SQLException e) {
            throw new Sql.Failure(e);
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
}
