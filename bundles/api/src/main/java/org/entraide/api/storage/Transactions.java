package org.entraide.api.storage;

/**
 * Runs work in one database transaction on the platform's DataSource. The platform provides it.
 * It blocks the calling thread. A nested call joins the caller's transaction.
 */
public interface Transactions {
    /**
     * Commits when {@code work} returns, rolls back when it throws. A transient conflict
     * (serialization failure, deadlock) is retried a few times before it is thrown.
     */
    <T> T inTransaction(TransactionWork<T> work);
}
