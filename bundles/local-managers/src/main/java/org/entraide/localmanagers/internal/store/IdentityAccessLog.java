package org.entraide.localmanagers.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.entraide.api.model.Store;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.platform.MemberFacts;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Platform;

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

    private record Row(long id, long complaintId, long readerId, Instant at) {
    }

    private IdentityAccessLog() {
    }

    /**
     * Newest first; {@code complaintId} null for every complaint of the brand. The brand is the assignment's: only
     * the manager a complaint is assigned to reads its author, so every reading has one. The reader's pseudonym and
     * the complaint's store are read from the platform, one call each for the whole page.
     */
    public static Page read(Connection c, Platform platform, long brandId, Long complaintId, int limit, long offset) {
        String where = " FROM lm_identity_access a JOIN lm_assignment s ON s.complaint_id = a.complaint_id WHERE s.brand_id = ?"
            + (complaintId == null ? "" : " AND a.complaint_id = ?");
        Object[] params = complaintId == null ? new Object[] {brandId} : new Object[] {brandId, complaintId};
        Object[] paged = complaintId == null ? new Object[] {brandId, limit, offset}
            : new Object[] {brandId, complaintId, limit, offset};
        List<Row> rows = Sql.list(c, "SELECT a.id, a.complaint_id, a.user_id, a.at_time" + where
            + " ORDER BY a.at_time DESC, a.id DESC LIMIT ? OFFSET ?", rs -> new Row(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), Sql.instant(rs, "at_time")), paged);
        Map<Long, MemberFacts> readers = platform.members().members(c, brandId, rows.stream().map(Row::readerId).toList());
        Map<Long, ComplaintFacts> complaints = platform.posts().complaints(c, brandId, rows.stream().map(Row::complaintId).toList());
        Map<Long, String> stores = platform.stores().all(c, brandId).stream().collect(Collectors.toMap(Store::id, Store::code));
        List<Entry> items = rows.stream().map(r -> {
            MemberFacts reader = readers.get(r.readerId());
            ComplaintFacts complaint = complaints.get(r.complaintId());
            return new Entry(r.id(), r.complaintId(), r.readerId(), reader == null ? null : reader.pseudonym(),
                complaint == null || complaint.storeId() == null ? null : stores.get(complaint.storeId()), r.at());
        }).toList();
        return new Page(items, Sql.count(c, "SELECT COUNT(*)" + where, params));
    }
}
