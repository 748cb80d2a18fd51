package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.localmanagers.DetailsGiven;
import org.entraide.api.localmanagers.DetailsRequested;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.security.Caller;
import org.entraide.jdbc.Sql;

/**
 * Stores one private message of a complaint, whoever sends it (the page, a reply by e-mail): only between the
 * parties of its thread ({@link ThreadParties}), through the moderation plugin's rules when it is installed, with its
 * event, in the caller's transaction.
 */
public final class PrivateMessageWriter {
    private final EventLog events;
    private final Lookups lookups;
    private final Clock clock;

    public PrivateMessageWriter(EventLog events, Lookups lookups, Clock clock) {
        this.events = events;
        this.lookups = lookups;
        this.clock = clock;
    }

    /**
     * @param rules the moderation plugin's rules; null when it is not installed
     * @return the message's id
     */
    public long write(Connection c, long brandId, long complaintId, Caller author, String text, PrivateMessageRules rules) {
        long complainant = lookups.published(c, brandId, complaintId).authorId();
        ThreadParties.Party party = ThreadParties.require(c, brandId, complaintId, complainant, author);
        String stored = rules == null ? text : rules.check(brandId, author, text);
        long msg = Sql.insert(c, "INSERT INTO lm_message (complaint_id, author_id, body, created_at) VALUES (?, ?, ?, ?)",
            complaintId, author.userId(), stored, clock.instant());
        events.append(c, brandId, author.userId(), complaintId, party.forStore() ? new DetailsRequested(complaintId, msg)
            : new DetailsGiven(complaintId, msg));
        return msg;
    }
}
