package org.entraide.localmanagers.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.jdbc.Sql;

/**
 * The log of every reading of a complainant's identity ({@code lm_identity_access}): who read it, for which
 * complaint, when. Brand admins read it (API, admin console, shell) so that "logged" is something one can check;
 * it names the reader and the complaint, never the complainant.
 */
public final class IdentityAccessLog {
    /** One reading. */
    public record Entry(long id, long complaintId, long readerId, String reader, String store, Instant at) {
    }

    /** A page of readings and how many there are in all. */
    public record Page(List<Entry> items, long total) {
    }

    private IdentityAccessLog() {
    }

    /** Newest first; {@code complaintId} null for every complaint of the brand. */
    public static Page read(Connection c, long brandId, Long complaintId, int limit, long offset) {
        String where = " FROM lm_identity_access a JOIN post p ON p.id = a.complaint_id JOIN app_user u ON u.id = a.user_id "
            + "LEFT JOIN store s ON s.id = p.store_id WHERE p.brand_id = ?" + (complaintId == null ? "" : " AND a.complaint_id = ?");
        Object[] params = complaintId == null ? new Object[] {brandId} : new Object[] {brandId, complaintId};
        Object[] paged = complaintId == null ? new Object[] {brandId, limit, offset}
            : new Object[] {brandId, complaintId, limit, offset};
        List<Entry> items = Sql.list(c, "SELECT a.id, a.complaint_id, a.user_id, u.pseudonym, s.code, a.at_time" + where
            + " ORDER BY a.at_time DESC, a.id DESC LIMIT ? OFFSET ?", rs -> new Entry(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), Sql.instant(rs, "at_time")), paged);
        return new Page(items, Sql.count(c, "SELECT COUNT(*)" + where, params));
    }
}
