package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** Messages received at stores' addresses, waiting for their senders' confirmation, then filed. */
final class IntakeStore {
    /** A received message. {@code complaintId} is set once it is filed. */
    record Pending(long id, long brandId, String storeCode, String sender, String title, String body, Instant receivedAt,
                   Instant confirmedAt, Long complaintId, String outcome, String reason) {
    }

    /** A message filed as a complaint: who sent it, as which member, and the complaint. */
    record Filed(long intakeId, String sender, long memberId, long complaintId) {
    }

    /** The message of that id in the brand, once filed. */
    Optional<Filed> filed(Connection c, long brandId, long id) {
        return Sql.one(c, "SELECT id, sender, member_id, complaint_id FROM channels_intake WHERE brand_id = ? AND id = ? "
            + "AND complaint_id IS NOT NULL", IntakeStore::filed, brandId, id);
    }

    /** The sender's messages to that store filed as complaints, newest first (a few: the open one is among the last). */
    List<Filed> filedFrom(Connection c, long brandId, String storeCode, String sender) {
        return Sql.list(c, "SELECT id, sender, member_id, complaint_id FROM channels_intake WHERE brand_id = ? "
            + "AND store_code = ? AND sender = ? AND complaint_id IS NOT NULL ORDER BY id DESC FETCH FIRST 5 ROWS ONLY",
            IntakeStore::filed, brandId, storeCode, sender);
    }

    private static Filed filed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Filed(rs.getLong("id"), rs.getString("sender"), rs.getLong("member_id"), rs.getLong("complaint_id"));
    }

    /** The brand's inbound domain, when it has one. */
    Optional<String> domainOf(Connection c, long brandId) {
        return Sql.one(c, "SELECT inbound_domain FROM channels_brand_setting WHERE brand_id = ? AND inbound_domain IS NOT NULL",
            rs -> rs.getString(1), brandId);
    }

    Optional<Long> brandOfDomain(Connection c, String domain) {
        return Sql.one(c, "SELECT brand_id FROM channels_brand_setting WHERE inbound_domain = ?", rs -> rs.getLong(1), domain);
    }

    boolean domainTakenByAnother(Connection c, long brandId, String domain) {
        return Sql.count(c, "SELECT COUNT(*) FROM channels_brand_setting WHERE inbound_domain = ? AND brand_id <> ?",
            domain, brandId) > 0;
    }

    boolean known(Connection c, String messageKey) {
        return Sql.count(c, "SELECT COUNT(*) FROM channels_intake WHERE message_key = ?", messageKey) > 0;
    }

    long add(Connection c, long brandId, String storeCode, String sender, String title, String body, String messageKey,
             String tokenHash, Instant at) {
        return Sql.insert(c, "INSERT INTO channels_intake (brand_id, store_code, sender, title, body, message_key, token_hash, "
            + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", brandId, storeCode, sender, title, body, messageKey, tokenHash, at);
    }

    /** The message of that token in the brand, locked until the transaction ends (two clicks file it once). */
    Optional<Pending> byToken(Connection c, long brandId, String tokenHash) {
        return Sql.one(c, "SELECT * FROM channels_intake WHERE brand_id = ? AND token_hash = ? FOR UPDATE",
            rs -> new Pending(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("store_code"), rs.getString("sender"),
                rs.getString("title"), rs.getString("body"), Sql.instant(rs, "received_at"), Sql.instant(rs, "confirmed_at"),
                Sql.nullableLong(rs, "complaint_id"), rs.getString("outcome"), rs.getString("reason")), brandId, tokenHash);
    }

    void confirmed(Connection c, long id, long memberId, Long complaintId, String outcome, String reason, Instant at) {
        Sql.update(c, "UPDATE channels_intake SET confirmed_at = ?, member_id = ?, complaint_id = ?, outcome = ?, reason = ? "
            + "WHERE id = ?", at, memberId, complaintId, outcome, reason == null || reason.length() <= 500 ? reason
            : reason.substring(0, 500), id);
    }

    /** What a member sent to stores' addresses, for their export. */
    List<String> titlesOf(Connection c, long brandId, long memberId) {
        return Sql.list(c, "SELECT title FROM channels_intake WHERE brand_id = ? AND member_id = ? ORDER BY id",
            rs -> rs.getString(1), brandId, memberId);
    }

    /**
     * The member's messages go, those filed (they live on as complaints, which the core erases its own way) and those
     * sent from their address and never confirmed.
     */
    List<Long> idsOf(Connection c, long brandId, long memberId, String email) {
        return Sql.list(c, "SELECT id FROM channels_intake WHERE brand_id = ? AND (member_id = ? OR sender = ?)",
            rs -> rs.getLong(1), brandId, memberId, email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    void forget(Connection c, long brandId, long memberId, String email) {
        Sql.update(c, "DELETE FROM channels_intake WHERE brand_id = ? AND (member_id = ? OR sender = ?)", brandId, memberId,
            email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
