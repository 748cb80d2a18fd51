package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Publications;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.content.PostText;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** Publication changes decided after submission, each with its event; answer counts follow what is public. */
public final class PostPublications implements Publications {
    private final Database db;
    private final Posts posts;
    private final EventLog events;
    private final Clock clock;

    public PostPublications(Database db, Posts posts, EventLog events, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void change(long brandId, long postId, PublicationState to, Long actorId, String reason) {
        if (to == PublicationState.PENDING_REVIEW) {
            throw new IllegalArgumentException("a post goes back to review through a submission step, not here");
        }
        db.inTransaction(c -> {
            PostRow p = posts.lock(c, postId).filter(r -> r.brandId() == brandId)
                .orElseThrow(() -> ProblemException.notFound("no post " + postId));
            if (p.publication() == to) {
                return null;
            }
            move(c, p, to, actorId, reason, false);
            return null;
        });
    }

    @Override
    public void publishEdited(long brandId, long postId, String title, String body, Long actorId, String reason) {
        String cleanBody = PostText.body(body);
        String cleanTitle = title == null ? null : PostText.title(title);
        db.inTransaction(c -> {
            PostRow p = posts.lock(c, postId).filter(r -> r.brandId() == brandId)
                .orElseThrow(() -> ProblemException.notFound("no post " + postId));
            if (cleanTitle != null && p.title() == null) {
                throw ProblemException.invalid("title", "this post has no title");
            }
            if (p.publication() != PublicationState.PENDING_REVIEW && p.publication() != PublicationState.HIDDEN) {
                // a public post is never changed behind its readers' back, a rejected one only comes back on appeal
                throw ProblemException.conflict("post " + postId + " is " + p.publication() + ": only a held or hidden post "
                    + "is edited on approval");
            }
            Sql.update(c, "UPDATE post SET title = ?, body = ?, body_html = ?, render_version = ? WHERE id = ?",
                cleanTitle == null ? p.title() : cleanTitle, cleanBody, posts.bodies.htmlOf(cleanBody),
                org.entraide.core.internal.content.ContentRenderer.VERSION, postId);
            move(c, p, PublicationState.PUBLISHED, actorId, reason, true);
            return null;
        });
    }

    /** Changes the locked post's state, keeps the answer count in step and appends the matching event. */
    private void move(Connection c, PostRow p, PublicationState to, Long actorId, String reason, boolean edited) {
        long postId = p.id();
        long brandId = p.brandId();
        Sql.update(c, "UPDATE post SET publication = ? WHERE id = ?", to, postId);
        posts.touch(c, postId, clock.instant());
        if (p.type() == PostType.ANSWER && (p.isPublished() || to == PublicationState.PUBLISHED)) {
            Sql.update(c, "UPDATE post SET answer_count = answer_count + ? WHERE id = ?", p.isPublished() ? -1 : 1,
                p.parentId());
        }
        PostRow now = posts.find(c, postId).orElseThrow();
        if (to == PublicationState.PUBLISHED) {
            posts.postEvents.published(c, now, actorId, p.publication(), reason, edited);
        } else {
            posts.postEvents.withdrawn(c, now, to, actorId, p.publication(), reason);
        }
    }
}
