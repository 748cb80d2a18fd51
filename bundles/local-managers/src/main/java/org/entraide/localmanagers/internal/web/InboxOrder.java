package org.entraide.localmanagers.internal.web;

import java.time.Instant;
import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.Cursor;

/**
 * The order of a manager's inbox, unanswered complaints first by deadline, then answered ones by the time of their
 * response (then deadline, then complaint id, which breaks ties), and the condition that keeps what comes after a
 * position in it: what a page after a cursor reads.
 */
final class InboxOrder {
    static final String ORDER = " ORDER BY a.responded_at NULLS FIRST, a.due_at, a.complaint_id";

    private InboxOrder() {
    }

    /**
     * Where a page ended: the response time (null while unanswered), the deadline and the complaint of its last item.
     * As a cursor key, {@code open~DUE} or {@code RESPONDED~DUE}, each time as {@code seconds.nanos}.
     */
    record Position(Instant respondedAt, Instant due, long complaintId) {
        Cursor cursor() {
            return new Cursor((respondedAt == null ? "open" : time(respondedAt)) + "~" + time(due), complaintId);
        }

        /** The position a cursor names, null for none; a 400 on {@code after} when its key is none of ours. */
        static Position of(Cursor cursor) {
            if (cursor == null) {
                return null;
            }
            try {
                String[] parts = cursor.key().split("~", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(cursor.key());
                }
                return new Position("open".equals(parts[0]) ? null : instant(parts[0]), instant(parts[1]), cursor.id());
            } catch (RuntimeException e) {
                throw ProblemException.invalid("after", "not a cursor of this list: use the next value of a page as it is");
            }
        }

        private static String time(Instant t) {
            return t.getEpochSecond() + "." + t.getNano();
        }

        private static Instant instant(String s) {
            int dot = s.indexOf('.');
            return Instant.ofEpochSecond(Long.parseLong(s.substring(0, dot)), Long.parseLong(s.substring(dot + 1)));
        }
    }

    /** The condition (starting with AND, empty for none) that keeps the rows after {@code p}, its parameters added. */
    static String after(Position p, List<Object> params) {
        if (p == null) {
            return "";
        }
        if (p.respondedAt() == null) {
            // after an unanswered complaint: the later deadlines of the unanswered ones, then every answered one
            params.add(p.due());
            params.add(p.due());
            params.add(p.complaintId());
            return " AND (a.responded_at IS NOT NULL OR a.due_at > ? OR (a.due_at = ? AND a.complaint_id > ?))";
        }
        params.add(p.respondedAt());
        params.add(p.respondedAt());
        params.add(p.due());
        params.add(p.due());
        params.add(p.complaintId());
        return " AND a.responded_at >= ? AND (a.responded_at > ? OR a.due_at > ? OR (a.due_at = ? AND a.complaint_id > ?))";
    }
}
