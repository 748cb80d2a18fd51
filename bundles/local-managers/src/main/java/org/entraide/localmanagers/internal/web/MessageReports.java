package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;

import org.entraide.api.event.EventLog;
import org.entraide.api.localmanagers.PrivateMessageReported;
import org.entraide.api.moderation.ModerationEvents;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Platform;

/**
 * Reports of private messages: a party of the thread reports a message of the other party, and the moderation
 * plugin, which receives {@link PrivateMessageReported}, may hide it. Without moderation for the brand there is
 * nobody to judge the report, so it is refused (409) rather than left unread.
 */
final class MessageReports {
    private final EventLog events;
    private final Platform platform;
    private final Lookups lookups;
    private final BrandFeatures features;
    private final Clock clock;

    MessageReports(EventLog events, Platform platform, Lookups lookups, BrandFeatures features, Clock clock) {
        this.events = events;
        this.platform = platform;
        this.lookups = lookups;
        this.features = features;
        this.clock = clock;
    }

    private record Message(long authorId, boolean hidden) {
    }

    /**
     * @return the report's id
     * @throws ProblemException 404 for anyone outside the thread ({@link ThreadParties}), or a message not in that complaint; 409 for one's
     *         own message, a message already removed, a second report by the same party, or a brand without moderation
     */
    long report(Connection c, long brandId, long complaintId, long messageId, Caller reporter, String reason) {
        long complainant = lookups.published(c, brandId, complaintId).authorId();
        boolean reporterIsComplainant = reporter.userId() == complainant;
        // a third party does not learn that the thread or the message exists
        if (ThreadParties.of(c, brandId, complaintId, complainant, reporter).isEmpty()) {
            throw ProblemException.notFound("no message " + messageId + " in complaint " + complaintId);
        }
        Message m = Sql.one(c, "SELECT author_id, hidden_at FROM lm_message WHERE id = ? AND complaint_id = ? FOR UPDATE",
                rs -> new Message(rs.getLong(1), rs.getTimestamp(2) != null), messageId, complaintId)
            .orElseThrow(() -> ProblemException.notFound("no message " + messageId + " in complaint " + complaintId));
        // the store's side (its manager, its region's) reports the complainant's messages, the complainant the store's
        if (m.authorId() == reporter.userId() || (!reporterIsComplainant && m.authorId() != complainant)) {
            throw ProblemException.conflict("only a message of the other party can be reported");
        }
        if (m.hidden()) {
            throw ProblemException.conflict("message " + messageId + " is already removed by moderation");
        }
        if (!features.isEnabled(brandId, ModerationEvents.CAPABILITY)) {
            throw ProblemException.conflict("moderation is not enabled for this brand: nobody would review the report");
        }
        if (Sql.count(c, "SELECT COUNT(*) FROM lm_message_report WHERE message_id = ? AND reporter_id = ?", messageId,
                reporter.userId()) > 0) {
            throw ProblemException.conflict("you already reported message " + messageId);
        }
        long report = Sql.insert(c, "INSERT INTO lm_message_report (message_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?)",
            messageId, reporter.userId(), reason, clock.instant());
        String text = Sql.one(c, "SELECT body FROM lm_message WHERE id = ?", rs -> rs.getString(1), messageId).orElseThrow();
        // the complainant is never named, not even to moderators; a manager speaks for the store under a pseudonym
        boolean fromComplainant = m.authorId() == complainant;
        String author = fromComplainant ? "complainant"
            : platform.members().member(c, brandId, m.authorId()).map(f -> f.pseudonym()).orElse("manager");
        events.append(c, brandId, reporter.userId(), complaintId, new PrivateMessageReported(complaintId, messageId, report, text,
            fromComplainant ? "complainant" : "manager", author, fromComplainant ? 0 : m.authorId(), reason));
        return report;
    }

    /** Hides the message (kept stored); 404 outside the brand. */
    static void hide(Connection c, Lookups lookups, long brandId, long messageId, Instant now) {
        long complaint = Sql.one(c, "SELECT complaint_id FROM lm_message WHERE id = ?", rs -> rs.getLong(1), messageId)
            .orElseThrow(() -> ProblemException.notFound("no message " + messageId));
        lookups.exists(c, brandId, complaint);
        Sql.update(c, "UPDATE lm_message SET hidden_at = ? WHERE id = ? AND hidden_at IS NULL", now, messageId);
    }
}
