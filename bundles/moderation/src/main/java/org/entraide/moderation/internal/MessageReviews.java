package org.entraide.moderation.internal;

import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.localmanagers.PrivateMessageReported;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;
import org.entraide.moderation.internal.store.Audit;
import org.entraide.moderation.internal.store.ReviewQueue;
import org.entraide.moderation.internal.store.RuleSets;

/**
 * Reported private messages in the review queue (source {@value #SOURCE}): the local-managers plugin tells that a
 * party reported the other party's message ({@link PrivateMessageReported}); moderators uphold the report (the
 * message is hidden from the thread, through {@link PrivateMessages#hide}) or dismiss it. The two plugins share
 * nothing but those API types. Moderators see the message's text, the author's role and, for a manager, pseudonym,
 * the reporter's reason, and no link: the thread is not public.
 */
public final class MessageReviews {
    public static final String SOURCE = "MESSAGE";

    private final Transactions tx;
    private final ReviewQueue queue;
    private final Audit audit;
    private final Clock clock;
    private volatile PrivateMessages messages;

    MessageReviews(Transactions tx, ReviewQueue queue, Audit audit, Clock clock) {
        this.tx = tx;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    /** The local-managers plugin's private messages, or null when it is not installed. */
    public void use(PrivateMessages m) {
        this.messages = m;
    }

    /** Queues the reported message, once while a report of it waits (a later report of the same message adds nothing). */
    public void reported(DomainEvent e) {
        PrivateMessageReported r;
        try {
            r = RuleSets.JSON.readValue(e.payload(), PrivateMessageReported.class);
        } catch (IOException x) {
            throw new IllegalStateException("event " + e.id() + " does not parse", x);
        }
        tx.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM moderation_item i JOIN moderation_message_item m ON m.item_id = i.id "
                + "WHERE i.brand_id = ? AND i.source = ? AND i.status <> 'DECIDED' AND m.message_id = ?", e.brandId(), SOURCE,
                r.messageId()) > 0) {
                return null;
            }
            Instant now = clock.instant();
            long item = Sql.insert(c, "INSERT INTO moderation_item (brand_id, post_id, source, status, detail, created_at) "
                + "VALUES (?, ?, ?, 'OPEN', ?, ?)", e.brandId(), r.messageId(), SOURCE, "report " + r.reportId(), now);
            Sql.update(c, "INSERT INTO moderation_message_item (item_id, complaint_id, message_id, body, author_role, author, "
                + "manager_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", item, r.complaintId(), r.messageId(), r.text(),
                r.authorRole(), r.author(), r.managerId() > 0 ? r.managerId() : null, r.reason());
            audit.record(c, e.brandId(), null, "REPORT_MESSAGE", r.complaintId(), "message " + r.messageId(), null, null, now);
            return null;
        });
    }

    /** True when the item is a reported message (then {@link #decide} decides it). */
    public boolean isMessage(long brandId, long itemId) {
        return tx.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM moderation_item WHERE id = ? AND brand_id = ? AND source = ?",
            itemId, brandId, SOURCE) > 0);
    }

    /**
     * "uphold" (or "reject", as for a post) hides the message, with a reason code; "dismiss" (or "approve") keeps it.
     * 409 when the local-managers plugin is not there to hide it: the item then stays open.
     */
    public ReviewQueue.Item decide(Caller moderator, long brandId, long itemId, String decision, String reasonCode,
                                   boolean corrected) {
        boolean uphold = "uphold".equals(decision) || "reject".equals(decision);
        if (!uphold && !"dismiss".equals(decision) && !"approve".equals(decision)) {
            throw ProblemException.invalid("decision", "uphold or dismiss for a reported private message");
        }
        if (uphold && (reasonCode == null || !Review.REASON_CODES.contains(reasonCode))) {
            throw ProblemException.invalid("reasonCode", "required to uphold: one of " + Review.REASON_CODES);
        }
        if (corrected) {
            throw ProblemException.invalid("body", "a private message is hidden or kept, never corrected");
        }
        return tx.inTransaction(c -> {
            ReviewQueue.Item item = queue.lockForDecision(c, brandId, itemId, moderator.userId());
            long complaint = Sql.one(c, "SELECT complaint_id FROM moderation_message_item WHERE item_id = ?", rs -> rs.getLong(1),
                itemId).orElseThrow();
            Instant now = clock.instant();
            if (uphold) {
                PrivateMessages m = messages;
                if (m == null) {
                    throw ProblemException.conflict("the local managers plugin is not installed: the message cannot be hidden now");
                }
                m.hide(c, brandId, item.postId());
            }
            queue.decide(c, item, moderator.userId(), uphold ? "UPHELD" : "DISMISSED", uphold ? reasonCode : null, now);
            audit.record(c, brandId, moderator.userId(), uphold ? "HIDE_MESSAGE" : "KEEP_MESSAGE", complaint,
                uphold ? reasonCode : "message " + item.postId(), null, null, now);
            return queue.lock(c, brandId, itemId);
        });
    }

    /** What the queue shows of a reported message: no link, and the complainant as "complainant" only, without an id. */
    public static Optional<Map<String, Object>> describe(Connection c, long itemId) {
        return Sql.one(c, "SELECT complaint_id, message_id, body, author_role, author, manager_id, reason FROM moderation_message_item "
            + "WHERE item_id = ?", rs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "PRIVATE_MESSAGE");
                m.put("title", null);
                m.put("text", rs.getString("body"));
                m.put("complaintId", rs.getLong("complaint_id"));
                m.put("messageId", rs.getLong("message_id"));
                m.put("link", null);
                Map<String, Object> author = new LinkedHashMap<>();
                author.put("role", rs.getString("author_role"));
                author.put("pseudonym", rs.getString("author"));
                Long manager = Sql.nullableLong(rs, "manager_id");
                if (manager != null) {
                    author.put("id", manager); // a manager can be sanctioned for a message; a complainant stays unnamed
                }
                m.put("author", author);
                String reason = rs.getString("reason");
                m.put("rules", List.of(Map.of("rule", "private-message-report", "en", "Reported by the other party: " + reason,
                    "fr", "Signalé par l'autre partie : " + reason)));
                return m;
            }, itemId);
    }
}
