package org.entraide.reputation.internal.ledger;

import java.sql.Connection;

/**
 * Told of every change to the ledger and to members' reputation, in the same transaction, to keep the
 * leaderboards' aggregates in step.
 */
public interface LedgerListener {
    LedgerListener NONE = new LedgerListener() {
    };

    /** @param original for a reversal, the entry it takes back; otherwise the entry itself */
    default void posted(Connection c, Entry entry, Entry original) {
    }

    /** A member's reputation went from {@code before} (null for a new member) to {@code after}. */
    default void reputationMoved(Connection c, long brandId, Integer before, int after) {
    }

    /** The brand's ledger was emptied and everyone is back at the floor, before a recomputation. */
    default void cleared(Connection c, long brandId) {
    }
}
