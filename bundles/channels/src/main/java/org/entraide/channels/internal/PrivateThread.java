package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Clock;
import java.util.function.Supplier;

import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;

/**
 * Posts a message read from the mailbox into a complaint's private thread through local managers'
 * {@link PrivateMessages} (the two parties only, the moderation rules, the length limit), once per Message-ID: the
 * message's row is written in the transaction of its effect, and a refusal is kept too, so that reading the message
 * again does nothing twice.
 */
final class PrivateThread {
    enum Outcome { SENT, DUPLICATE, REFUSED }

    /** What follows a message stored in the thread, in its transaction (the relay's forwarded e-mails). */
    interface Then {
        void accept(Connection c, long mailInId);
    }

    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Transactions tx;
    private final RelayStore store;
    private final Supplier<PrivateMessages> messages;
    private final Clock clock;

    PrivateThread(Transactions tx, RelayStore store, Supplier<PrivateMessages> messages, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    Outcome post(long brandId, long complaintId, long authorId, String key, String kind, String text, Then then) {
        try {
            return tx.inTransaction(c -> {
                if (store.known(c, key)) {
                    return Outcome.DUPLICATE;
                }
                PrivateMessages pm = messages.get();
                if (pm == null) {
                    throw new Refused("local managers are not installed");
                }
                try {
                    pm.send(c, brandId, complaintId, authorId, text);
                } catch (ProblemException e) {
                    throw new Refused(e.getMessage());
                }
                long id = store.received(c, brandId, complaintId, key, kind, Outcome.SENT.name(), null, clock.instant());
                then.accept(c, id);
                return Outcome.SENT;
            });
        } catch (Refused e) {
            refused(brandId, complaintId, key, kind, e.getMessage());
            return Outcome.REFUSED;
        }
    }

    /** Keeps a refusal (once: a concurrent reader may have been first); nothing is sent to anyone. */
    void refused(long brandId, long complaintId, String key, String kind, String reason) {
        tx.inTransaction(c -> {
            if (!store.known(c, key)) {
                store.received(c, brandId, complaintId, key, kind, Outcome.REFUSED.name(), reason, clock.instant());
            }
            return null;
        });
    }
}
