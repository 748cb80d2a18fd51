package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** The relay's addresses, the complaints' closing times and the messages that went into a private thread. */
final class RelayStore {
    /** A complaint's two masked local parts. */
    record Relay(long complaintId, long brandId, String storeLocal, String customerLocal) {
    }

    /** Which side of the relay an address is: who writes to it. */
    enum Side {
        /** The complainant writes to it, to reach the store. */
        TO_STORE,
        /** The store writes to it, to reach the complainant. */
        TO_CUSTOMER
    }

    record Addressed(Relay relay, Side side) {
    }

    Optional<Relay> of(Connection c, long brandId, long complaintId) {
        return Sql.one(c, "SELECT * FROM channels_relay WHERE brand_id = ? AND complaint_id = ?", RelayStore::relay, brandId,
            complaintId);
    }

    /** The complaint's relay, made once: two random local parts that name nothing of either party. */
    Relay ensure(Connection c, long brandId, long complaintId, Instant at) {
        Optional<Relay> existing = of(c, brandId, complaintId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Relay made = new Relay(complaintId, brandId, RelayAddresses.newLocalPart(), RelayAddresses.newLocalPart());
        Sql.update(c, "INSERT INTO channels_relay (complaint_id, brand_id, store_local, customer_local, created_at) "
            + "VALUES (?, ?, ?, ?, ?)", complaintId, brandId, made.storeLocal(), made.customerLocal(), at);
        return made;
    }

    /** The relay and side of a local part, within the brand. */
    Optional<Addressed> byLocalPart(Connection c, long brandId, String local) {
        return Sql.one(c, "SELECT * FROM channels_relay WHERE brand_id = ? AND (store_local = ? OR customer_local = ?)",
            rs -> {
                Relay r = relay(rs);
                return new Addressed(r, r.storeLocal().equals(local) ? Side.TO_STORE : Side.TO_CUSTOMER);
            }, brandId, local, local);
    }

    void closed(Connection c, long brandId, long complaintId, Instant at) {
        Sql.update(c, "DELETE FROM channels_complaint_closed WHERE complaint_id = ?", complaintId);
        Sql.update(c, "INSERT INTO channels_complaint_closed (complaint_id, brand_id, closed_at) VALUES (?, ?, ?)",
            complaintId, brandId, at);
    }

    void reopened(Connection c, long complaintId) {
        Sql.update(c, "DELETE FROM channels_complaint_closed WHERE complaint_id = ?", complaintId);
    }

    Optional<Instant> closedAt(Connection c, long brandId, long complaintId) {
        return Sql.one(c, "SELECT closed_at FROM channels_complaint_closed WHERE brand_id = ? AND complaint_id = ?",
            rs -> Sql.instant(rs, "closed_at"), brandId, complaintId);
    }

    boolean known(Connection c, String messageKey) {
        return Sql.count(c, "SELECT COUNT(*) FROM channels_mail_in WHERE message_key = ?", messageKey) > 0;
    }

    long received(Connection c, long brandId, long complaintId, String messageKey, String kind, String outcome, String reason,
                  Instant at) {
        return Sql.insert(c, "INSERT INTO channels_mail_in (brand_id, complaint_id, message_key, kind, outcome, reason, "
            + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", brandId, complaintId, messageKey, kind, outcome,
            reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500), at);
    }

    private static Relay relay(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Relay(rs.getLong("complaint_id"), rs.getLong("brand_id"), rs.getString("store_local"),
            rs.getString("customer_local"));
    }
}
