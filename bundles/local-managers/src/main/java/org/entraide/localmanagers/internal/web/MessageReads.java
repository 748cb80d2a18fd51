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

    /** The parts a member reads a thread as, in {@link Unread}; the store's side is STORE_SIDE (assigned, region) and CENTRAL_TEAM. */
    static final int COMPLAINANT = 0;
    static final int STORE_SIDE = 1;
    static final int CENTRAL_TEAM = 2;

    /** One thread's unread count for a member, and the part they read it as. */
    record Unread(long complaintId, int part, long count) {
    }

    /** The unread messages of a thread, joined to its assignment {@code a}; the reader is the first parameter. */
    private static final String UNREAD = "JOIN lm_message m ON m.complaint_id = a.complaint_id "
        + "LEFT JOIN lm_message_read r ON r.complaint_id = a.complaint_id AND r.user_id = ? ";
    private static final String NEWER = "AND m.author_id <> ? AND m.hidden_at IS NULL AND m.id > COALESCE(r.last_message_id, 0) "
        + "GROUP BY a.complaint_id";

    /** The member's threads as complainant (0) or assigned manager (1): user, user, brand, user. */
    private static final String BRANCH = "SELECT a.complaint_id, %d, COUNT(*) FROM lm_assignment a " + UNREAD
        + "WHERE a.%s = ? AND a.brand_id = ? " + NEWER;

    /**
     * As a manager of the region of the complaint's store, once the store's deadline sent it there, while it is open:
     * brand, user, user, user.
     */
    private static final String REGION = "SELECT a.complaint_id, 1, COUNT(*) FROM lm_region_manager rm "
        + "JOIN lm_region g ON g.id = rm.region_id AND g.brand_id = ? "
        + "JOIN lm_store s ON s.region_id = g.id "
        + "JOIN lm_assignment a ON a.store_id = s.store_id AND a.closed_at IS NULL AND a.escalated_region IS NOT NULL " + UNREAD
        + "WHERE rm.user_id = ? " + NEWER;

    /** As one of the brand's central team (its admins), once the complaint reached it, while it is open: user, brand, user. */
    private static final String CENTRAL = "SELECT a.complaint_id, 2, COUNT(*) FROM lm_assignment a " + UNREAD
        + "WHERE a.brand_id = ? AND a.level = 'CENTRAL' AND a.closed_at IS NULL " + NEWER;

    /**
     * The member's unread messages in every thread they are a party of in the brand, per complaint with something
     * unread: as complainant, as assigned manager, as a manager of the region a complaint was escalated to and, for a
     * brand admin, as the central team. One query whose branches each read an index of assignments
     * ({@code lm_assignment_complainant_ix}, {@code lm_assignment_inbox_ix}, {@code lm_assignment_escalated_ix} through
     * the member's regions and their stores, {@code lm_assignment_level_ix}), then each thread's messages by
     * {@code lm_message_complaint_ix}. The region's and the central team's threads count while their complaint is
     * open, so that a new admin is not met by every thread the brand ever escalated. A complaint may come in two
     * branches (an assigned manager who also manages the region): the caller keeps the first, the branches being in
     * the order of the parts. Whether each complaint is still public is the caller's to check.
     */
    static List<Unread> everywhere(Connection c, long brandId, long userId, boolean brandAdmin) {
        List<Object> params = new java.util.ArrayList<>(List.of(userId, userId, brandId, userId, userId, userId, brandId, userId,
            brandId, userId, userId, userId));
        if (brandAdmin) {
            params.addAll(List.of(userId, brandId, userId));
        }
        return Sql.list(c, sql(brandAdmin), rs -> new Unread(rs.getLong(1), rs.getInt(2), rs.getLong(3)), params.toArray());
    }

    /** The SQL of {@link #everywhere}, for the tests that read its plan. */
    static String sql(boolean brandAdmin) {
        return BRANCH.formatted(0, "complainant_id") + " UNION ALL " + BRANCH.formatted(1, "manager_id") + " UNION ALL " + REGION
            + (brandAdmin ? " UNION ALL " + CENTRAL : "");
    }
}
