package org.entraide.reputation.internal.ledger;

import java.sql.Connection;

/** Told of every entry written, in the same transaction, to keep aggregates (leaderboards) in step with the ledger. */
@FunctionalInterface
public interface EntryListener {
    EntryListener NONE = (c, entry, original) -> { };

    /** @param original for a reversal, the entry it takes back; otherwise the entry itself */
    void posted(Connection c, Entry entry, Entry original);

    /** The brand's ledger was emptied before a recomputation: aggregates start again from nothing. */
    default void cleared(Connection c, long brandId) {
    }
}
