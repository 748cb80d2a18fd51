package org.entraide.core.internal.post;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.event.CommentDeleted;
import org.entraide.api.event.CommentEdited;
import org.entraide.api.event.CommentModerated;
import org.entraide.api.event.CommentPosted;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.plugin.Submission;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.content.CommentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.paging.Page;
import org.entraide.core.internal.paging.PageRequest;
import org.entraide.jdbc.Sql;

/**
 * Comments on questions and answers: short texts, Markdown inline only, through the same submission pipeline as posts
 * (the reputation plugin's {@code comment} privilege, moderation's rules and sanctions, personal-data redaction).
 * Their author edits them and deletes them (a soft delete); moderators hide, restore or publish a held one. Not on
 * complaints: a complaint's conversation is its private messages. Mentions ({@code @pseudonym}) of members of the
 * brand become links to their profiles and are stored ({@code comment_mention}) and carried by the events, so that
 * notifications tell them.
 */
public final class Comments {
    /** How many comments of each post a thread's view embeds; the rest are read page by page. */
    public static final int EMBEDDED = 5;

    private static final String COLUMNS = "id, brand_id, post_id, question_id, author_id, body, body_html, publication, "
        + "created_at, edited_at, deleted_at";

    private final Database db;
    private final Posts posts;
    private final SubmissionGate gate;
    private final CommentRenderer renderer;
    private final EventLog events;
    private final Clock clock;

    public Comments(Database db, Posts posts, SubmissionGate gate, CommentRenderer renderer, EventLog events, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.gate = gate;
        this.renderer = renderer;
        this.events = events;
        this.clock = clock;
    }

    /** One row of {@code post_comment}. */
    record Row(long id, long brandId, long postId, long questionId, long authorId, String body, String bodyHtml,
               PublicationState publication, Instant createdAt, Instant editedAt, Instant deletedAt) {
        static Row map(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getLong("brand_id"), rs.getLong("post_id"), rs.getLong("question_id"),
                rs.getLong("author_id"), rs.getString("body"), rs.getString("body_html"),
                PublicationState.valueOf(rs.getString("publication")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "edited_at"), Sql.instant(rs, "deleted_at"));
        }
    }

    /** Comments {@code postId} (a question or an answer everyone may read) with {@code body}, already cleaned. */
    public Views.CommentView post(Caller caller, Brand brand, long postId, String body) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        String text = requireText(body);
        return db.inTransaction(c -> {
            Target t = target(c, brand, postId, caller);
            // the commented post is locked: its comments and their count change with it
            posts.requireAuthor(c, caller, new NewPost(brand.id(), PostType.ANSWER, postId, caller.userId(), null, text,
                t.post().topicId(), t.post().storeId(), false, true, List.of()));
            Submission decided = decide(caller, brand, t, text);
            Instant now = clock.instant();
            Map<String, CommentRenderer.Mention> mentions = mentions(c, brand.id(), decided.body());
            long id = Sql.insert(c, "INSERT INTO post_comment (brand_id, post_id, question_id, author_id, body, body_html, "
                    + "publication, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", brand.id(), postId, t.questionId(),
                caller.userId(), decided.body(), html(brand, decided.body(), mentions), decided.state(), now);
            List<Long> mentioned = storeMentions(c, id, mentions, caller.userId());
            events.append(c, brand.id(), caller.userId(), postId, new CommentPosted(id, postId, t.questionId(), t.post().type(),
                t.post().authorId(), caller.userId(), decided.state(), mentioned));
            return view(c, find(c, id).orElseThrow(), caller);
        });
    }

    /** The comments of a post the reader may see, oldest first. */
    public Page<Views.CommentView> list(Caller caller, Brand brand, long postId, PageRequest page) {
        return db.inTransaction(c -> {
            PostRow p = posts.find(c, postId).filter(x -> x.brandId() == brand.id() && Visibility.canSee(x, caller)
                && (x.type() == PostType.QUESTION || x.type() == PostType.ANSWER))
                .orElseThrow(() -> ProblemException.notFound("no question or answer " + postId));
            List<Row> all = Sql.list(c, "SELECT " + COLUMNS + " FROM post_comment WHERE post_id = ? AND deleted_at IS NULL "
                + "ORDER BY created_at, id", Row::map, p.id()).stream().filter(r -> canSee(r, caller)).toList();
            int from = (int) Math.min(all.size(), page.offset());
            List<Row> shown = all.subList(from, Math.min(all.size(), from + page.size()));
            return new Page<>(views(c, shown, caller), all.size(), page);
        });
    }

    /** The brand's comments in that state (held for review, hidden), newest first: the moderators' queue of comments. */
    public Page<Views.CommentView> inState(Caller caller, Brand brand, PublicationState state, PageRequest page) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        if (!isModerator(caller)) {
            throw ProblemException.forbidden("only the brand's moderators review comments");
        }
        return db.inTransaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM post_comment WHERE brand_id = ? AND publication = ? "
                + "AND deleted_at IS NULL", brand.id(), state);
            List<Row> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM post_comment WHERE brand_id = ? AND publication = ? "
                + "AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", Row::map, brand.id(), state,
                page.size(), page.offset());
            return new Page<>(views(c, rows, caller), total, page);
        });
    }

    /** Its author changes a comment's text, through the pipeline again. */
    public Views.CommentView edit(Caller caller, Brand brand, long commentId, String body) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        String text = requireText(body);
        return db.inTransaction(c -> {
            Row r = requireVisible(c, brand, commentId, caller);
            if (r.authorId() != caller.userId()) {
                throw ProblemException.forbidden("only its author edits a comment");
            }
            if (r.publication() == PublicationState.HIDDEN) {
                throw ProblemException.conflict("a moderator hid this comment");
            }
            if (text.equals(r.body())) {
                return view(c, r, caller);
            }
            Target t = target(c, brand, r.postId(), caller);
            Submission decided = decide(caller, brand, t, text);
            Map<String, CommentRenderer.Mention> mentions = mentions(c, brand.id(), decided.body());
            List<Long> before = mentionedIds(c, r.id());
            Sql.update(c, "DELETE FROM comment_mention WHERE comment_id = ?", r.id());
            List<Long> now = storeMentions(c, r.id(), mentions, caller.userId());
            // an edit the pipeline holds takes the comment out of public view until a moderator publishes it
            PublicationState state = decided.state() == PublicationState.PENDING_REVIEW ? PublicationState.PENDING_REVIEW
                : r.publication();
            Sql.update(c, "UPDATE post_comment SET body = ?, body_html = ?, publication = ?, edited_at = ? WHERE id = ?",
                decided.body(), html(brand, decided.body(), mentions), state, clock.instant(), r.id());
            List<Long> added = now.stream().filter(id -> !before.contains(id)).toList();
            events.append(c, brand.id(), caller.userId(), r.postId(), new CommentEdited(r.id(), r.postId(), r.questionId(),
                t.post().type(), t.post().authorId(), r.authorId(), state, now, added));
            return view(c, find(c, r.id()).orElseThrow(), caller);
        });
    }

    /**
     * Its author deletes a comment (it leaves the thread for good); a moderator or brand admin deleting someone else's
     * hides it (it can be restored).
     */
    public void delete(Caller caller, Brand brand, long commentId) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        db.inTransaction(c -> {
            Row r = requireVisible(c, brand, commentId, caller);
            boolean byModerator = r.authorId() != caller.userId();
            if (byModerator && !isModerator(caller)) {
                throw ProblemException.forbidden("only its author or a moderator removes a comment");
            }
            if (byModerator) {
                if (r.publication() != PublicationState.HIDDEN) {
                    Sql.update(c, "UPDATE post_comment SET publication = ? WHERE id = ?", PublicationState.HIDDEN, r.id());
                    events.append(c, brand.id(), caller.userId(), r.postId(), new CommentDeleted(r.id(), r.postId(),
                        r.questionId(), r.authorId(), true, r.publication()));
                }
                return null;
            }
            Sql.update(c, "UPDATE post_comment SET deleted_at = ? WHERE id = ?", clock.instant(), r.id());
            events.append(c, brand.id(), caller.userId(), r.postId(), new CommentDeleted(r.id(), r.postId(), r.questionId(),
                r.authorId(), false, r.publication()));
            return null;
        });
    }

    /** A moderator publishes a held comment, hides one, or restores a hidden one. */
    public Views.CommentView moderate(Caller caller, Brand brand, long commentId, PublicationState to) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        if (!isModerator(caller)) {
            throw ProblemException.forbidden("only the brand's moderators decide on comments");
        }
        if (to != PublicationState.PUBLISHED && to != PublicationState.HIDDEN) {
            throw ProblemException.invalid("publication", "PUBLISHED or HIDDEN");
        }
        return db.inTransaction(c -> {
            Row r = requireVisible(c, brand, commentId, caller);
            if (r.publication() == to) {
                return view(c, r, caller);
            }
            PostRow p = posts.find(c, r.postId()).orElseThrow();
            Sql.update(c, "UPDATE post_comment SET publication = ? WHERE id = ?", to, r.id());
            events.append(c, brand.id(), caller.userId(), r.postId(), new CommentModerated(r.id(), r.postId(), r.questionId(),
                p.type(), p.authorId(), r.authorId(), caller.userId(), r.publication(), to, mentionedIds(c, r.id())));
            return view(c, find(c, r.id()).orElseThrow(), caller);
        });
    }

    /**
     * The comments a thread's view embeds, per post: the first {@link #EMBEDDED} the reader may see, and how many in
     * all. Two statements for the whole thread, whatever its size.
     */
    Map<Long, Views.CommentList> embedded(Connection c, long questionId, Caller caller) {
        List<Row> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM post_comment WHERE question_id = ? AND deleted_at IS NULL "
            + "ORDER BY created_at, id", Row::map, questionId).stream().filter(r -> canSee(r, caller)).toList();
        Map<Long, List<Row>> byPost = new LinkedHashMap<>();
        for (Row r : rows) {
            byPost.computeIfAbsent(r.postId(), k -> new ArrayList<>()).add(r);
        }
        List<Row> shown = new ArrayList<>();
        byPost.values().forEach(l -> shown.addAll(l.subList(0, Math.min(EMBEDDED, l.size()))));
        Map<Long, List<Views.CommentView>> views = new HashMap<>();
        for (Views.CommentView v : views(c, shown, caller)) {
            views.computeIfAbsent(v.postId(), k -> new ArrayList<>()).add(v);
        }
        Map<Long, Views.CommentList> out = new HashMap<>();
        byPost.forEach((post, l) -> out.put(post, new Views.CommentList(views.getOrDefault(post, List.of()), l.size())));
        return out;
    }

    /** Members of the brand whose pseudonym starts with {@code prefix} (no case), by pseudonym, at most {@code limit}. */
    public Views.MemberRefs members(Caller caller, Brand brand, String prefix, int limit) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        String key = prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return db.inTransaction(c -> new Views.MemberRefs(Sql.list(c, "SELECT id, pseudonym FROM app_user WHERE brand_id = ? "
                + "AND pseudonym_key LIKE ? ESCAPE '\\' ORDER BY pseudonym_key LIMIT " + limit,
            rs -> new Views.MemberRef(rs.getLong(1), rs.getString(2)), brand.id(), key + "%")));
    }

    /** The post commented on, and the thread it belongs to. */
    private record Target(PostRow post, long questionId, boolean ownThread) {
    }

    private Target target(Connection c, Brand brand, long postId, Caller caller) {
        PostRow p = posts.lock(c, postId).filter(x -> x.brandId() == brand.id() && Visibility.canSee(x, caller))
            .orElseThrow(() -> ProblemException.notFound("no post " + postId));
        if (p.type() == PostType.COMPLAINT || p.type() == PostType.RESPONSE) {
            throw ProblemException.conflict("complaints take no comments: their conversation is private messages");
        }
        if (p.isDeleted() || !p.isPublished()) {
            throw ProblemException.conflict("post " + postId + " is not public: it takes no comments");
        }
        PostRow question = p.type() == PostType.QUESTION ? p : posts.find(c, p.parentId()).orElseThrow();
        if (question.isDeleted() || !question.isPublished()) {
            throw ProblemException.conflict("its question is not public: it takes no comments");
        }
        boolean own = p.authorId() == caller.userId() || question.authorId() == caller.userId();
        return new Target(p, question.id(), own);
    }

    private Submission decide(Caller caller, Brand brand, Target t, String text) {
        Submission decided = gate.decide(new Submission(brand.id(), Submission.Kind.COMMENT, caller, t.post().type(),
            t.post().id(), null, text, t.ownThread() ? 1 : 0, PublicationState.PUBLISHED, List.of(), t.post().topicId()));
        if (decided.state() == PublicationState.REJECTED || decided.state() == PublicationState.HIDDEN) {
            throw new ProblemException(422, "refused", "Comment refused", String.join("; ", decided.notes()), null, null);
        }
        // a step that rewrote the text (redaction) may not make it longer than a comment may be
        return decided.body().length() > CommentRenderer.MAX_LENGTH
            ? decided.withText(null, decided.body().substring(0, CommentRenderer.MAX_LENGTH), null) : decided;
    }

    private static String requireText(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "must not be blank");
        }
        if (body.length() > CommentRenderer.MAX_LENGTH) {
            throw ProblemException.invalid("body", "at most " + CommentRenderer.MAX_LENGTH + " characters");
        }
        return body;
    }

    private Row requireVisible(Connection c, Brand brand, long commentId, Caller caller) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM post_comment WHERE id = ? FOR UPDATE", Row::map, commentId)
            .filter(r -> r.brandId() == brand.id() && r.deletedAt() == null && canSee(r, caller))
            .orElseThrow(() -> ProblemException.notFound("no comment " + commentId));
    }

    private static Optional<Row> find(Connection c, long id) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM post_comment WHERE id = ?", Row::map, id);
    }

    /** A published comment to everyone; a held one to its author and moderators; a hidden one to moderators. */
    private static boolean canSee(Row r, Caller caller) {
        if (r.publication() == PublicationState.PUBLISHED) {
            return true;
        }
        if (caller == null || caller.brandId() != r.brandId()) {
            return false;
        }
        return isModerator(caller) || r.publication() == PublicationState.PENDING_REVIEW && caller.userId() == r.authorId();
    }

    private static boolean isModerator(Caller caller) {
        return caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN);
    }

    /** The members of the brand a text names, by pseudonym key; names nobody has are left out. */
    private static Map<String, CommentRenderer.Mention> mentions(Connection c, long brandId, String text) {
        List<String> keys = CommentRenderer.mentionedNames(text).stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()
            .limit(20).toList();
        Map<String, CommentRenderer.Mention> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Object> params = new ArrayList<>();
        params.add(brandId);
        params.addAll(keys);
        Sql.list(c, "SELECT id, pseudonym, pseudonym_key FROM app_user WHERE brand_id = ? AND pseudonym_key IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")", rs -> {
            found.put(rs.getString(3), new CommentRenderer.Mention(rs.getLong(1), rs.getString(2)));
            return Boolean.TRUE;
        }, params.toArray());
        return found;
    }

    private String html(Brand brand, String text, Map<String, CommentRenderer.Mention> mentions) {
        return renderer.toHtml(text, mentions, m -> "/b/" + brand.slug() + "/users/" + m.memberId());
    }

    /** Stores whom the comment names, never its author; answers their ids, in order. */
    private static List<Long> storeMentions(Connection c, long commentId, Map<String, CommentRenderer.Mention> mentions,
                                            long authorId) {
        Set<Long> ids = new LinkedHashSet<>();
        mentions.values().stream().map(CommentRenderer.Mention::memberId).filter(id -> id != authorId).sorted()
            .forEach(ids::add);
        for (long id : ids) {
            Sql.update(c, "INSERT INTO comment_mention (comment_id, member_id) VALUES (?, ?)", commentId, id);
        }
        return List.copyOf(ids);
    }

    private static List<Long> mentionedIds(Connection c, long commentId) {
        return Sql.list(c, "SELECT member_id FROM comment_mention WHERE comment_id = ? ORDER BY member_id",
            rs -> rs.getLong(1), commentId);
    }

    /** Views of these rows, with their authors and mentions read in one statement each. */
    private static List<Views.CommentView> views(Connection c, List<Row> rows, Caller caller) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", Collections.nCopies(rows.size(), "?"));
        Object[] ids = rows.stream().map(Row::id).toArray();
        Map<Long, String> authors = new HashMap<>();
        Object[] authorIds = rows.stream().map(Row::authorId).distinct().toArray();
        Sql.list(c, "SELECT id, pseudonym FROM app_user WHERE id IN ("
                + String.join(", ", Collections.nCopies(authorIds.length, "?")) + ")", rs -> {
            authors.put(rs.getLong(1), rs.getString(2));
            return Boolean.TRUE;
        }, authorIds);
        Map<Long, List<Views.Author>> mentioned = new HashMap<>();
        Sql.list(c, "SELECT m.comment_id, u.id, u.pseudonym FROM comment_mention m JOIN app_user u ON u.id = m.member_id "
                + "WHERE m.comment_id IN (" + in + ") ORDER BY m.comment_id, u.pseudonym_key", rs -> {
            mentioned.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Views.Author(rs.getLong(2), rs.getString(3)));
            return Boolean.TRUE;
        }, ids);
        List<Views.CommentView> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Views.CommentView(r.id(), r.postId(), r.questionId(), r.body(), r.bodyHtml(),
                new Views.Author(r.authorId(), Objects.requireNonNullElse(authors.get(r.authorId()), "")),
                r.publication().name(), r.createdAt(), r.editedAt(), caller != null && caller.userId() == r.authorId()
                    && caller.brandId() == r.brandId(), mentioned.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    private static Views.CommentView view(Connection c, Row r, Caller caller) {
        return views(c, List.of(r), caller).get(0);
    }
}
