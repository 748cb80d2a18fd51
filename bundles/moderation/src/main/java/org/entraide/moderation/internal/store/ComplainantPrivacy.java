package org.entraide.moderation.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.api.platform.MemberFacts;
import org.entraide.api.platform.Members;
import org.entraide.jdbc.Sql;

/**
 * Who may see who filed a complaint, in moderation: by default nobody (an appeal about a complaint and the audit
 * log show no author's id next to it). A brand may let its moderators see the appellant to decide an appeal; then
 * every showing is logged here, as the assigned manager's readings are, and brand admins read the log.
 */
public final class ComplainantPrivacy {
    private final Members members;

    public ComplainantPrivacy(Members members) {
        this.members = members;
    }

    /** One showing of a complaint's author: to whom, for what ({@code appeal} or {@code audit}), when. */
    public record Access(long id, long complaintId, long readerId, String reader, String purpose, Instant at) {
    }

    public boolean revealAllowed(Connection c, long brandId) {
        return Sql.one(c, "SELECT reveal_complainants FROM moderation_brand_setting WHERE brand_id = ?", rs -> rs.getBoolean(1),
            brandId).orElse(false);
    }

    public void allowReveal(Connection c, long brandId, boolean allowed) {
        if (Sql.update(c, "UPDATE moderation_brand_setting SET reveal_complainants = ? WHERE brand_id = ?", allowed, brandId) == 0) {
            Sql.update(c, "INSERT INTO moderation_brand_setting (brand_id, reveal_complainants) VALUES (?, ?)", brandId, allowed);
        }
    }

    public void logged(Connection c, long brandId, long complaintId, long readerId, String purpose, Instant now) {
        Sql.update(c, "INSERT INTO moderation_identity_access (brand_id, complaint_id, user_id, purpose, at_time) "
            + "VALUES (?, ?, ?, ?, ?)", brandId, complaintId, readerId, purpose, now);
    }

    /** Newest first. */
    public List<Access> read(Connection c, long brandId, int limit, long offset) {
        List<Access> page = Sql.list(c, "SELECT a.id, a.complaint_id, a.user_id, a.purpose, a.at_time "
            + "FROM moderation_identity_access a WHERE a.brand_id = ? ORDER BY a.at_time DESC, a.id DESC LIMIT ? OFFSET ?",
            rs -> new Access(rs.getLong(1), rs.getLong(2), rs.getLong(3), null, rs.getString(4), Sql.instant(rs, "at_time")),
            brandId, limit, offset);
        return page.stream().map(a -> new Access(a.id(), a.complaintId(), a.readerId(), members.member(c, brandId, a.readerId())
            .map(MemberFacts::pseudonym).orElse(null), a.purpose(), a.at())).toList();
    }

    public long count(Connection c, long brandId) {
        return Sql.count(c, "SELECT COUNT(*) FROM moderation_identity_access WHERE brand_id = ?", brandId);
    }
}
