package org.entraide.core.internal.post;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;

import org.entraide.api.event.ComplaintFiled;
import org.entraide.api.event.ComplaintPublished;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.PostDeleted;
import org.entraide.api.event.PostEdited;
import org.entraide.api.event.PostHidden;
import org.entraide.api.event.PostPublished;
import org.entraide.api.event.PostRejected;
import org.entraide.api.event.PostSubmitted;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.jdbc.Sql;

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
        List<String> tags = tags(c, p);
        events.append(c, p.brandId(), p.authorId(), p.id(), new PostSubmitted(p.id(), p.type(), p.authorId(), p.publication(),
            notes, p.parentId(), p.topicId(), p.storeId(), tags));
        if (p.type() == PostType.COMPLAINT) {
            events.append(c, p.brandId(), p.authorId(), p.id(), new ComplaintFiled(p.id(), p.authorId(), p.storeId(),
                storeCode(c, p), p.publication()));
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
        events.append(c, p.brandId(), actorId, p.id(), new PostPublished(p.id(), p.type(), p.authorId(), p.publication(),
            p.parentId(), p.topicId(), p.storeId(), tags(c, p), from, reason, edited));
        if (p.type() == PostType.COMPLAINT) {
            // published on submission, its actor is its author, whom a complaint's own events never name
            Long actor = Objects.equals(actorId, p.authorId()) ? null : actorId;
            events.append(c, p.brandId(), actor, p.id(), new ComplaintPublished(p.id(), p.storeId(), storeCode(c, p)));
        }
    }

    /** {@code p} left the public (hidden, rejected) or was refused after review. */
    void withdrawn(Connection c, PostRow p, PublicationState to, Long actorId, PublicationState from, String reason) {
        List<String> tags = tags(c, p);
        events.append(c, p.brandId(), actorId, p.id(), to == PublicationState.REJECTED
            ? new PostRejected(p.id(), p.type(), p.authorId(), p.publication(), p.parentId(), p.topicId(), p.storeId(), tags,
                from, to, reason)
            : new PostHidden(p.id(), p.type(), p.authorId(), p.publication(), p.parentId(), p.topicId(), p.storeId(), tags,
                from, to, reason));
    }

    /** {@code p} (as it is now) shows a new revision of its text. A complaint's author is never named as the actor. */
    void edited(Connection c, PostRow p, long editorId, boolean byModerator, int revision) {
        Long actor = p.type() == PostType.COMPLAINT ? null : editorId;
        events.append(c, p.brandId(), actor, p.id(), new PostEdited(p.id(), p.type(), p.authorId(), byModerator, revision,
            p.publication(), p.parentId(), p.topicId(), p.storeId()));
    }

    /** Its author deleted {@code p} (as it was before: its publication says what it had earned). */
    void deleted(Connection c, PostRow p) {
        Long actor = p.type() == PostType.COMPLAINT ? null : p.authorId();
        events.append(c, p.brandId(), actor, p.id(), new PostDeleted(p.id(), p.type(), p.authorId(), p.publication(),
            p.parentId(), p.topicId(), p.storeId()));
    }

    private static List<String> tags(Connection c, PostRow p) {
        return Sql.list(c, "SELECT tag FROM post_tag WHERE post_id = ? ORDER BY tag", rs -> rs.getString(1), p.id());
    }

    private static String storeCode(Connection c, PostRow p) {
        return p.storeId() == null ? null
            : Sql.one(c, "SELECT code FROM store WHERE id = ?", rs -> rs.getString(1), p.storeId()).orElse(null);
    }
}
