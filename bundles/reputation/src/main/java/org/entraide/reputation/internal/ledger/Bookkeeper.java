package org.entraide.reputation.internal.ledger;

import java.sql.Connection;
import java.time.Instant;

import org.entraide.reputation.internal.rules.PointsTable;
import org.entraide.jdbc.Sql;

/** Opens postings on the ledger, after taking the brand's lock that serializes every writer of its reputation. */
public final class Bookkeeper {
    private final Ledger ledger;
    private final Members members;
    private volatile LedgerListener listener = LedgerListener.NONE;

    public Bookkeeper(Ledger ledger, Members members) {
        this.ledger = ledger;
        this.members = members;
    }

    public void setListener(LedgerListener listener) {
        this.listener = listener;
        members.setListener(listener);
    }

    public Ledger ledger() {
        return ledger;
    }

    public Members members() {
        return members;
    }

    /** Locks the brand's row until the transaction ends, creating it the first time. */
    public void lockBrand(Connection c, long brandId) {
        boolean locked = Sql.one(c, "SELECT brand_id FROM reputation_brand WHERE brand_id = ? FOR UPDATE",
            rs -> rs.getLong(1), brandId).isPresent();
        if (!locked) {
            // the new row stays locked by this transaction until it ends
            Sql.update(c, "INSERT INTO reputation_brand (brand_id) VALUES (?)", brandId);
        }
    }

    /** Empties the brand's ledger and brings everyone back to the floor, before the past is scored again. */
    public void wipe(Connection c, long brandId, Instant at) {
        Sql.update(c, "DELETE FROM reputation_entry WHERE brand_id = ?", brandId);
        members.resetPoints(c, brandId, at);
        listener.cleared(c, brandId);
    }

    public Posting open(Connection c, long brandId, Long eventId, Instant at, PointsTable table) {
        return new Posting(c, brandId, eventId, at, table, ledger, members, listener);
    }
}
