package org.entraide.api.privacy;

import java.util.Map;

/**
 * What one bundle holds about a member, exported and erased on the member's request. The core and every plugin that
 * stores personal data (ledgers, notifications, logs of who saw what) register one as an OSGi service.
 *
 * <p>Both methods are called by the core inside its own transaction (the export job's, or the erasure's): work done
 * through {@code Transactions} joins it, so an erasure is all or nothing across every bundle, and a crash before its
 * commit leaves the account as it was, to be erased again. Both are scoped by brand: an id of another brand holds
 * nothing.
 */
public interface PersonalData {
    /** A short name, the key of this bundle's part of an export archive ({@code "reputation"}, {@code "badges"}). */
    String name();

    /**
     * Everything this bundle holds about the member, as JSON-able values (maps, lists, strings, numbers, booleans,
     * ISO-8601 strings for times); no nulls. An empty map when it holds nothing.
     */
    Map<String, Object> export(long brandId, long userId);

    /**
     * Erases what this bundle holds about the member: their private data goes, what others rely on stays without any
     * link to the person (a ledger keeps others' totals right). Idempotent: erasing twice changes nothing more.
     */
    void erase(long brandId, long userId);

    /**
     * Deletes the private exchanges this bundle keeps about conversations that ended before {@code endedBefore} (a
     * complaint's private messages, once the complaint is closed): the brand's retention period for private threads,
     * applied by the core's retention job in its own transaction. Answers how many rows went; idempotent. Bundles
     * that keep no private thread hold nothing to expire.
     */
    default int expirePrivateThreads(long brandId, java.time.Instant endedBefore) {
        return 0;
    }
}
