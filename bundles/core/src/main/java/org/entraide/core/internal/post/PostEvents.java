package org.entraide.core.internal.post;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.NewEvent;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.core.internal.db.Sql;

/**
 * The events of a post's life, built in one place so that each type has one shape whatever path led to it: a post
 * published on submission and one approved by a moderator carry the same topic, tags and store.
 */
final class PostEvents {
    private final EventLog events;

    PostEvents(EventLog events) {
        this.events = events;
    }

    /**
     * A post was stored: {@code post.submitted} with the pipeline's decision and notes, {@code complaint.filed} for a
     * complaint, then the publication events if it went public at once.
     */
    void submitted(Connection c, PostRow p, List<String> notes) {
        Map<String, Object> submitted = facts(c, p);
        submitted.put("notes", notes);
        append(c, p, EventTypes.POST_SUBMITTED, p.authorId(), submitted);
        if (p.type() == PostType.COMPLAINT) {
            Map<String, Object> filed = complaintFacts(c, p);
            filed.put("authorId", p.authorId());
            filed.put("publication", p.publication().name());
            append(c, p, EventTypes.COMPLAINT_FILED, p.authorId(), filed);
        }
        if (p.isPublished()) {
            published(c, p, p.authorId(), null, null, false);
        }
    }

    /**
     * {@code p} (as it is now) became public: {@code post.published}, and {@code complaint.published} for a complaint,
     * from which its store's clock starts.
     */
    void published(Connection c, PostRow p, Long actorId, PublicationState from, String reason, boolean edited) {
        Map<String, Object> payload = facts(c, p);
        if (from != null) {
            payload.put("from", from.name());
        }
        if (reason != null) {
            payload.put("reason", reason);
        }
        if (edited) {
            payload.put("edited", true);
        }
        append(c, p, EventTypes.POST_PUBLISHED, actorId, payload);
        if (p.type() == PostType.COMPLAINT) {
            // published on submission, its actor is its author, whom a complaint's own events never name
            Long actor = Objects.equals(actorId, p.authorId()) ? null : actorId;
            append(c, p, EventTypes.COMPLAINT_PUBLISHED, actor, complaintFacts(c, p));
        }
    }

    /** {@code p} left the public (hidden, rejected) or was refused after review. */
    void withdrawn(Connection c, PostRow p, PublicationState to, Long actorId, PublicationState from, String reason) {
        Map<String, Object> payload = facts(c, p);
        payload.put("from", from.name());
        payload.put("to", to.name());
        if (reason != null) {
            payload.put("reason", reason);
        }
        append(c, p, to == PublicationState.REJECTED ? EventTypes.POST_REJECTED : EventTypes.POST_HIDDEN, actorId, payload);
    }

    /** What every post event says of its post. */
    private static Map<String, Object> facts(Connection c, PostRow p) {
        Map<String, Object> m = new HashMap<>();
        m.put("postId", p.id());
        m.put("postType", p.type().name());
        m.put("authorId", p.authorId());
        m.put("publication", p.publication().name());
        if (p.parentId() != null) {
            m.put("parentId", p.parentId());
        }
        if (p.topicId() != null) {
            m.put("topicId", p.topicId());
        }
        if (p.storeId() != null) {
            m.put("storeId", p.storeId());
        }
        m.put("tags", Sql.list(c, "SELECT tag FROM post_tag WHERE post_id = ? ORDER BY tag", rs -> rs.getString(1), p.id()));
        return m;
    }

    /** A complaint's facts that stores need; its author is not among them. */
    private static Map<String, Object> complaintFacts(Connection c, PostRow p) {
        Map<String, Object> m = new HashMap<>();
        m.put("complaintId", p.id());
        if (p.storeId() != null) {
            m.put("storeId", p.storeId());
            Sql.one(c, "SELECT code FROM store WHERE id = ?", rs -> rs.getString(1), p.storeId())
                .ifPresent(code -> m.put("storeCode", code));
        }
        return m;
    }

    private void append(Connection c, PostRow p, String type, Long actorId, Map<String, Object> payload) {
        events.append(c, NewEvent.of(p.brandId(), type, actorId, EventTypes.SUBJECT_POST, p.id(), payload));
    }
}
