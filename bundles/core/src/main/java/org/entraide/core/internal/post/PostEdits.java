package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.plugin.Submission;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.content.PostText;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/**
 * Members edit and delete their own posts; moderators edit questions and answers of their brand. An edit goes through
 * the submission pipeline like a new post, and every version of the text is kept ({@link PostRevisions}).
 */
public final class PostEdits {
    private final Database db;
    private final Posts posts;
    private final SubmissionGate gate;
    private final PostRevisions revisions;
    private final ContentRenderer renderer;
    private final Clock clock;

    public PostEdits(Database db, Posts posts, SubmissionGate gate, ContentRenderer renderer, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.gate = gate;
        this.revisions = new PostRevisions();
        this.renderer = renderer;
        this.clock = clock;
    }

    /** {@code title}: null keeps the title (and must be null for an answer). */
    public Views.EditedPost edit(Caller caller, Brand brand, long postId, String title, String body) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        String cleanBody = PostText.body(body);
        String cleanTitle = title == null ? null : PostText.title(title);
        return db.inTransaction(c -> {
            PostRow p = requireVisible(c, caller, brand, postId);
            boolean byModerator = caller.userId() != p.authorId();
            if (byModerator && (p.type() == PostType.COMPLAINT || !(caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN)))) {
                throw ProblemException.forbidden("only its author edits this post");
            }
            requireEditable(c, p);
            if (!byModerator) {
                requireWithinWindow(c, p, clock.instant());
            }
            if (cleanTitle != null && p.title() == null) {
                throw ProblemException.invalid("title", "this post has no title");
            }
            String newTitle = cleanTitle == null ? p.title() : cleanTitle;
            if (newTitle != null && newTitle.equals(p.title()) && cleanBody.equals(p.body())
                || newTitle == null && cleanBody.equals(p.body())) {
                return view(c, p);
            }
            Submission decided = gate.decide(new Submission(p.brandId(), Submission.Kind.POST, caller, p.type(), p.parentId(),
                newTitle, cleanBody, 0, PublicationState.PUBLISHED, List.of(), p.topicId()));
            if (decided.state() == PublicationState.REJECTED || decided.state() == PublicationState.HIDDEN) {
                throw new ProblemException(422, "refused", "Edit refused", String.join("; ", decided.notes()), null, null);
            }
            Instant now = clock.instant();
            String storedTitle = newTitle == null ? null : decided.title();
            int revision = revisions.add(c, p, storedTitle, decided.body(), caller.userId(), byModerator, now);
            // a held edit takes the post out of public view until a moderator approves the new text
            boolean held = decided.state() == PublicationState.PENDING_REVIEW && p.isPublished();
            Sql.update(c, "UPDATE post SET title = ?, body = ?, body_html = ?, render_version = ?, edited_at = ?, publication = ? "
                + "WHERE id = ?", storedTitle, decided.body(), posts.bodies.htmlOf(decided.body()), ContentRenderer.VERSION,
                now, held ? PublicationState.PENDING_REVIEW : p.publication(), p.id());
            if (held && p.type() == PostType.ANSWER) {
                Sql.update(c, "UPDATE post SET answer_count = answer_count - 1 WHERE id = ?", p.parentId());
            }
            posts.touch(c, p.id(), now);
            PostRow edited = posts.find(c, p.id()).orElseThrow();
            posts.postEvents.edited(c, edited, caller.userId(), byModerator, revision);
            return view(c, edited);
        });
    }

    /** Soft-deletes the caller's own post; an accepted answer or a complaint with an official response stays (409). */
    public void delete(Caller caller, Brand brand, long postId) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        db.inTransaction(c -> {
            PostRow p = requireVisible(c, caller, brand, postId);
            if (caller.userId() != p.authorId()) {
                throw ProblemException.forbidden("only its author deletes a post");
            }
            requireEditable(c, p);
            if (p.type() == PostType.ANSWER && p.parentId() != null && posts.find(c, p.parentId())
                    .map(q -> Long.valueOf(p.id()).equals(q.acceptedAnswerId())).orElse(false)) {
                throw ProblemException.conflict("an accepted answer cannot be deleted, only edited");
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE post SET deleted_at = ? WHERE id = ?", now, p.id());
            if (p.type() == PostType.ANSWER && p.isPublished()) {
                Sql.update(c, "UPDATE post SET answer_count = answer_count - 1 WHERE id = ?", p.parentId());
            }
            posts.touch(c, p.id(), now);
            posts.postEvents.deleted(c, p);
            return null;
        });
    }

    /** The versions of a post, oldest first: to whoever may see the post; a complainant is never named. */
    public Views.Revisions revisions(Caller caller, Brand brand, long postId) {
        return db.inTransaction(c -> {
            PostRow p = requireVisible(c, caller, brand, postId);
            if (p.isDeleted()) {
                throw ProblemException.notFound("post " + postId + " was deleted by its author");
            }
            return new Views.Revisions(revisions.list(c, p, renderer));
        });
    }

    private PostRow requireVisible(Connection c, Caller caller, Brand brand, long postId) {
        return posts.lock(c, postId).filter(p -> p.brandId() == brand.id() && Visibility.canSee(p, caller))
            .orElseThrow(() -> ProblemException.notFound("no post " + postId));
    }

    /** Deleted posts, official responses, and complaints that have an official response stay as they are. */
    private static void requireEditable(Connection c, PostRow p) {
        if (p.isDeleted()) {
            throw ProblemException.conflict("post " + p.id() + " was deleted");
        }
        if (p.type() == PostType.RESPONSE) {
            throw ProblemException.conflict("an official response is not edited or deleted here");
        }
        if (p.type() == PostType.COMPLAINT && Sql.count(c, "SELECT COUNT(*) FROM post WHERE parent_id = ? AND post_type = ?",
                p.id(), PostType.RESPONSE) > 0) {
            throw ProblemException.conflict("a complaint with an official response cannot be changed");
        }
    }

    private static void requireWithinWindow(Connection c, PostRow p, Instant now) {
        Integer minutes = ContentPolicy.editWindowMinutes(c, p.brandId());
        if (minutes != null && p.createdAt().plus(Duration.ofMinutes(minutes)).isBefore(now)) {
            throw ProblemException.conflict("this brand lets members edit a post for " + minutes + " minutes after posting");
        }
    }

    /** The edit facts of a post's view. */
    static Views.Changes changes(Connection c, PostRow p) {
        PostRevisions r = new PostRevisions();
        return new Views.Changes(p.editedAt(), r.count(c, p.id()), p.editedAt() != null && r.lastByModerator(c, p.id()),
            p.isDeleted());
    }

    Views.EditedPost view(Connection c, PostRow p) {
        return new Views.EditedPost(p.id(), p.type().name(), p.title(), p.body(), posts.bodies.html(p),
            p.publication().name(), p.editedAt(), revisions.count(c, p.id()), revisions.lastByModerator(c, p.id()));
    }
}
