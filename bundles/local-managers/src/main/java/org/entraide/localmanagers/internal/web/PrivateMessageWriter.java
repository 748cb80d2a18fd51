package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.localmanagers.DetailsGiven;
import org.entraide.api.localmanagers.DetailsRequested;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.ComplaintAssignments;

/**
 * Stores one private message of a complaint, whoever sends it (the page, a reply by e-mail): only between the
 * complainant and the manager the complaint is assigned to (and, through another plugin, the managers of the region
 * it was escalated to), through the moderation plugin's rules when it is
 * installed, with its event, in the caller's transaction.
 */
public final class PrivateMessageWriter {
    private static final ComplaintAssignments ASSIGNMENTS = new ComplaintAssignments();
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
        return write(c, brandId, complaintId, author, text, rules, false);
    }

    /**
     * @param regionMayWrite whether a manager of the region the complaint was escalated to may write too: through
     *        another plugin (the contact relay), where the region's managers answer by e-mail; its pages keep the thread
     *        to the two parties
     */
    public long write(Connection c, long brandId, long complaintId, Caller author, String text, PrivateMessageRules rules,
                      boolean regionMayWrite) {
        boolean manager = party(c, brandId, complaintId, author, regionMayWrite);
        String stored = rules == null ? text : rules.check(brandId, author, text);
        long msg = Sql.insert(c, "INSERT INTO lm_message (complaint_id, author_id, body, created_at) VALUES (?, ?, ?, ?)",
            complaintId, author.userId(), stored, clock.instant());
        events.append(c, brandId, author.userId(), complaintId, manager ? new DetailsRequested(complaintId, msg)
            : new DetailsGiven(complaintId, msg));
        return msg;
    }

    /**
     * True for the assigned manager (and a manager of the region, when allowed), false for the complainant; 403 for
     * anyone else, brand admins included.
     */
    private boolean party(Connection c, long brandId, long complaintId, Caller caller, boolean regionMayWrite) {
        if (caller.userId() == lookups.published(c, brandId, complaintId).authorId()) {
            return false;
        }
        if (regionMayWrite) {
            if (ASSIGNMENTS.of(c, brandId, complaintId).filter(a -> a.handledBy(caller.userId())).isEmpty()) {
                throw ProblemException.forbidden("only the complainant, the manager the complaint is assigned to and the "
                    + "managers of the region it was escalated to");
            }
            return true;
        }
        if (Sql.count(c, "SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND manager_id = ?", complaintId,
                caller.userId()) == 0) {
            throw ProblemException.forbidden("only the complainant and the manager the complaint is assigned to");
        }
        return true;
    }
}
