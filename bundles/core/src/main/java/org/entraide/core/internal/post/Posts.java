package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entraide.api.event.EventLog;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Submission;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.jdbc.Sql;

/** Storage of posts and their tags, within the caller's transaction. */
public final class Posts {
    private final EventLog events;
    private final SubmissionGate gate;
    final PostEvents postEvents;

    private final AuthorCheck authors;
    /** Bodies rendered once, as they are written. */
    public final RenderedBodies bodies;

    /** Whether an account may post that kind of post at all (an unverified address, for one), before the pipeline runs. */
    @FunctionalInterface
    public interface AuthorCheck {
        AuthorCheck ANYONE = (c, author, post) -> { };

        /** @throws ProblemException to refuse the post */
        void require(Connection c, Caller author, NewPost post);
    }

    public Posts(EventLog events, SubmissionGate gate) {
        this(events, gate, AuthorCheck.ANYONE);
    }

    public Posts(EventLog events, SubmissionGate gate, AuthorCheck authors) {
        this(events, gate, authors, new org.entraide.core.internal.content.ContentRenderer());
    }

    public Posts(EventLog events, SubmissionGate gate, AuthorCheck authors,
                 org.entraide.core.internal.content.ContentRenderer renderer) {
        this.bodies = new RenderedBodies(renderer);
        this.events = events;
        this.gate = gate;
        this.authors = authors;
        this.postEvents = new PostEvents(events);
    }

    /** Whether the account may write at all (an unverified address, for one): posts and comments alike. */
    public void requireAuthor(Connection c, Caller author, NewPost p) {
        authors.require(c, author, p);
    }

    /** Stores a submitted post in the state the submission pipeline decides, with its events. */
    public PostRow submit(Connection c, Caller author, NewPost p, Instant now) {
        authors.require(c, author, p);
        Submission decided = gate.decide(new Submission(p.brandId(), Submission.Kind.POST, author, p.type(), p.parentId(),
            p.title(), p.body(), 0, PublicationState.PUBLISHED, List.of(), p.topicId()));
        PublicationState state = decided.state();
        if (state == PublicationState.REJECTED || state == PublicationState.HIDDEN) {
            throw new ProblemException(422, "refused", "Submission refused", String.join("; ", decided.notes()), null, null);
        }
        String title = p.title() == null ? null : decided.title();
        String body = decided.body();
        ComplaintStatus status = p.type() == PostType.COMPLAINT ? ComplaintStatus.OPEN : null;
        long id = Sql.insert(c, "INSERT INTO post (brand_id, post_type, parent_id, author_id, title, body, topic_id, "
                + "store_id, publication, official, show_author, score, up_votes, down_votes, answer_count, "
                + "complaint_status, created_at, updated_at, version, body_html, render_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, 0, ?, ?)",
            p.brandId(), p.type(), p.parentId(), p.authorId(), title, body, p.topicId(), p.storeId(), state,
            p.official(), p.showAuthor(), status, now, now, bodies.htmlOf(body),
            org.entraide.core.internal.content.ContentRenderer.VERSION);
        for (String tag : p.tags()) {
            Sql.update(c, "INSERT INTO post_tag (post_id, tag) VALUES (?, ?)", id, tag);
        }
        PostRow stored = find(c, id).orElseThrow();
        postEvents.submitted(c, stored, decided.notes());
        return stored;
    }

    public Optional<PostRow> find(Connection c, long id) {
        return Sql.one(c, "SELECT " + PostRow.COLUMNS + " FROM post WHERE id = ?", PostRow::map, id);
    }

    /**
     * The posts of that brand and type among those ids, in one statement per chunk of ids (so that a plugin's page
     * costs one read, not one per row; chunks keep the statement's parameters well below drivers' limits).
     */
    public List<PostRow> findAll(Connection c, long brandId, PostType type, java.util.Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<PostRow> found = new java.util.ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            List<Object> params = new java.util.ArrayList<>(List.of(brandId, type.name()));
            params.addAll(chunk);
            found.addAll(Sql.list(c, "SELECT " + PostRow.COLUMNS + " FROM post WHERE brand_id = ? AND post_type = ? AND id IN ("
                + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", PostRow::map, params.toArray()));
        }
        return found;
    }

    private static final int IN_CHUNK = 500;

    /** Reads the post and locks its row until the transaction ends: writes to one post are serialized. */
    public Optional<PostRow> lock(Connection c, long id) {
        return Sql.one(c, "SELECT " + PostRow.COLUMNS + " FROM post WHERE id = ? FOR UPDATE", PostRow::map, id);
    }

    /** The post of that brand and type, or 404 (a post of another brand does not exist for this one). */
    public PostRow require(Connection c, long brandId, long id, PostType type, boolean forUpdate) {
        Optional<PostRow> row = forUpdate ? lock(c, id) : find(c, id);
        return row.filter(p -> p.brandId() == brandId && p.type() == type)
            .orElseThrow(() -> ProblemException.notFound("no " + type.name().toLowerCase(java.util.Locale.ROOT) + " " + id));
    }

    public List<PostRow> children(Connection c, long parentId) {
        return Sql.list(c, "SELECT " + PostRow.COLUMNS + " FROM post WHERE parent_id = ? ORDER BY created_at, id",
            PostRow::map, parentId);
    }

    public List<String> tags(Connection c, long postId) {
        return Sql.list(c, "SELECT tag FROM post_tag WHERE post_id = ? ORDER BY tag", rs -> rs.getString(1), postId);
    }

    /** Bumps the version and the update time: every change of a post row goes through here. */
    public void touch(Connection c, long id, Instant now) {
        Sql.update(c, "UPDATE post SET version = version + 1, updated_at = ? WHERE id = ?", now, id);
    }

    /**
     * Removes a closing member's questions and answers, as their author would delete them (brands whose privacy policy
     * says REMOVE): soft-deleted, answer counts kept right, a {@code post.deleted} event each. Complaints stay, their
     * author no longer anybody.
     */
    public int removeAllOf(Connection c, long authorId, Instant now) {
        List<Long> ids = Sql.list(c, "SELECT id FROM post WHERE author_id = ? AND deleted_at IS NULL AND post_type IN "
            + "('QUESTION', 'ANSWER') ORDER BY id", rs -> rs.getLong(1), authorId);
        for (long id : ids) {
            PostRow p = find(c, id).orElseThrow();
            Sql.update(c, "UPDATE post SET deleted_at = ? WHERE id = ?", now, id);
            if (p.type() == PostType.ANSWER && p.isPublished() && p.parentId() != null) {
                Sql.update(c, "UPDATE post SET answer_count = answer_count - 1 WHERE id = ?", p.parentId());
            }
            touch(c, id, now);
            postEvents.deleted(c, p);
        }
        return ids.size();
    }
}
