package org.entraide.api.mail;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Queues e-mail. The core provides it; the caller's thread and transaction: a message queued by work that rolls back
 * is never sent, and one queued by work that commits is delivered at least once, with retries, and never written
 * twice under the same key.
 */
@ProviderType
public interface Mail {
    /** What became of a queued message. */
    enum Queued { QUEUED, ALREADY_QUEUED, SUPPRESSED }

    /** Queues the message in the caller's transaction. */
    Queued queue(Connection connection, OutgoingMail mail);

    /**
     * Queues the messages in the caller's transaction, as {@link #queue} would one after the other: what became of
     * each, in their order (of two with the same key, the first is queued). A message that is not valid (an address,
     * a length) queues none of them. The core does it in a few statements whatever their number: for digests and
     * other e-mails to many members.
     *
     * @since 1.1
     */
    default List<Queued> queueAll(Connection connection, List<OutgoingMail> mails) {
        return mails.stream().map(m -> queue(connection, m)).toList();
    }

    /** Whether messages to that address are refused (hard bounce, complaint, or put there by an operator). */
    boolean suppressed(Connection connection, String address);

    /** Puts an address on the suppression list with the reason in words; a second call keeps the first reason. */
    void suppress(Connection connection, String address, String reason);
}
