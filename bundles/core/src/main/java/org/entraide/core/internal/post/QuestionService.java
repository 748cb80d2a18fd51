package org.entraide.core.internal.post;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.entraide.api.event.AnswerAccepted;
import org.entraide.api.event.AnswerUnaccepted;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;

/** Questions, their answers and the accepted answer. */
public final class QuestionService {
    private final Duplicates duplicates;
    private final Database db;
    private final BrandDirectory brands;
    private final Posts posts;
    private final EventLog events;
    private final ContentRenderer renderer;
    private final Clock clock;
    private final Experts experts;
    private final StaffNotes staffNotes;
    private final Comments comments;

    public QuestionService(Database db, BrandDirectory brands, Posts posts, EventLog events, ContentRenderer renderer,
                           Experts experts, Comments comments, Clock clock, Duplicates duplicates) {
        this.duplicates = duplicates;
        this.experts = experts;
        this.comments = comments;
        this.db = db;
        this.brands = brands;
        this.posts = posts;
        this.events = events;
        this.renderer = renderer;
        this.clock = clock;
        this.staffNotes = new StaffNotes(db, posts, events, renderer, clock);
    }

    /** The brand's official notes on answers, shown in this service's threads. */
    public StaffNotes staffNotes() {
        return staffNotes;
    }

    public Views.QuestionView ask(Caller caller, Brand brand, String title, String body, String topicSlug, List<String> tags) {
        return ask(caller, brand, title, body, topicSlug, null, tags);
    }

    /** {@code storeCode}: the store the question is about, so that its managers and local experts see it; null for none. */
    public Views.QuestionView ask(Caller caller, Brand brand, String title, String body, String topicSlug, String storeCode,
                                 List<String> tags) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            Long topicId = null;
            if (topicSlug != null) {
                topicId = brands.topic(c, brand.id(), topicSlug)
                    .orElseThrow(() -> ProblemException.invalid("topic", "no topic '" + topicSlug + "' in this brand")).id();
            }
            Long storeId = null;
            if (storeCode != null) {
                storeId = brands.storeByCode(c, brand.id(), storeCode)
                    .orElseThrow(() -> ProblemException.invalid("storeCode", "no store '" + storeCode + "' in this brand")).id();
            }
            PostRow q = posts.submit(c, caller, new NewPost(brand.id(), PostType.QUESTION, null, caller.userId(), title, body,
                topicId, storeId, caller.isStaff(), true, tags), clock.instant());
            return view(c, q, caller);
        });
    }

    public Views.AnswerView answer(Caller caller, Brand brand, long questionId, String body) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        return db.inTransaction(c -> {
            PostRow q = posts.require(c, brand.id(), questionId, PostType.QUESTION, true);
            if (!q.isPublished()) {
                throw ProblemException.notFound("no question " + questionId);
            }
            Instant now = clock.instant();
            // an answer is about its question's topic and store, as badges and leaderboards count it
            PostRow a = posts.submit(c, caller, new NewPost(brand.id(), PostType.ANSWER, q.id(), caller.userId(), null, body,
                q.topicId(), q.storeId(), caller.isStaff(), true, List.of()), now);
            if (a.isPublished()) {
                Sql.update(c, "UPDATE post SET answer_count = answer_count + 1 WHERE id = ?", q.id());
                posts.touch(c, q.id(), now);
            }
            return answerView(a, q, !experts.among(q.brandId(), q.topicId(), List.of(a.authorId())).isEmpty(),
                ThreadFacts.of(c, List.of(a), caller.userId()), null, java.util.Map.of());
        });
    }

    /**
     * Accepts {@code answerId} (or withdraws acceptance when null). Two accepts that race on the same
     * question: the one that finds the question changed after it read it answers 409.
     */
    public Views.QuestionView accept(Caller caller, Brand brand, long questionId, Long answerId) {
        Visibility.requireBrand(caller, brand.id(), brand.slug());
        int seenVersion = db.inTransaction(c -> posts.require(c, brand.id(), questionId, PostType.QUESTION, false).version());
        return db.inTransaction(c -> {
            PostRow q = posts.require(c, brand.id(), questionId, PostType.QUESTION, true);
            if (q.authorId() != caller.userId()) {
                throw ProblemException.forbidden("only the author of the question accepts an answer");
            }
            if (q.version() != seenVersion) {
                throw ProblemException.conflict("the question changed while accepting; reload it and try again");
            }
            Long previous = q.acceptedAnswerId();
            if (java.util.Objects.equals(previous, answerId)) {
                return view(c, q, caller);
            }
            PostRow answer = null;
            if (answerId != null) {
                answer = posts.find(c, answerId)
                    .filter(a -> a.type() == PostType.ANSWER && a.parentId() != null && a.parentId() == questionId)
                    .orElseThrow(() -> ProblemException.invalid("answerId", "no answer " + answerId + " to this question"));
                if (!answer.isPublished() || answer.isDeleted()) {
                    throw ProblemException.conflict("answer " + answerId + " is not published");
                }
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE post SET accepted_answer_id = ? WHERE id = ?", answerId, questionId);
            posts.touch(c, questionId, now);
            if (previous != null) {
                long prevAuthor = posts.find(c, previous).map(PostRow::authorId).orElse(0L);
                events.append(c, brand.id(), caller.userId(), questionId,
                    new AnswerUnaccepted(questionId, previous, prevAuthor, q.authorId()));
            }
            if (answer != null) {
                events.append(c, brand.id(), caller.userId(), questionId,
                    new AnswerAccepted(questionId, answerId, answer.authorId(), q.authorId()));
            }
            return view(c, posts.find(c, questionId).orElseThrow(), caller);
        });
    }

    public Views.QuestionView get(Caller caller, Brand brand, long questionId) {
        return db.inTransaction(c -> {
            PostRow q = posts.require(c, brand.id(), questionId, PostType.QUESTION, false);
            if (!Visibility.canSee(q, caller)) {
                throw ProblemException.notFound("no question " + questionId);
            }
            return view(c, q, caller);
        });
    }

    /**
     * The question and its visible answers in a fixed number of statements whatever their number: the rows, then each
     * kind of fact for all of them at once (authors, edits, the reader's votes, the topic experts).
     */
    Views.QuestionView view(Connection c, PostRow q, Caller caller) {
        Long me = caller == null ? null : caller.userId();
        List<PostRow> visible = new ArrayList<>();
        for (PostRow a : posts.children(c, q.id())) {
            if (Visibility.canSee(a, caller)) {
                visible.add(a);
            }
        }
        java.util.Set<Long> expert = experts.among(q.brandId(), q.topicId(), visible.stream().map(PostRow::authorId)
            .collect(java.util.stream.Collectors.toSet()));
        List<PostRow> thread = new ArrayList<>(visible);
        thread.add(q);
        ThreadFacts facts = ThreadFacts.of(c, thread, me);
        java.util.Map<Long, StaffNotes.StaffNoteView> notes = staffNotes.of(c, visible.stream()
            .filter(a -> !a.isDeleted()).map(PostRow::id).toList());
        java.util.Map<Long, Views.CommentList> commented = comments.embedded(c, q.id(), caller);
        List<Views.AnswerView> answers = new ArrayList<>();
        for (PostRow a : visible) {
            answers.add(answerView(a, q, expert.contains(a.authorId()), facts, notes.get(a.id()), commented));
        }
        // The accepted answer first, then by score, then oldest first.
        answers.sort(Comparator.comparing((Views.AnswerView a) -> !a.accepted())
            .thenComparing(Comparator.comparingInt(Views.AnswerView::score).reversed())
            .thenComparing(Views.AnswerView::createdAt));
        Views.Changes changed = facts.changes(q);
        // the duplicate notice comes with the question: one more statement for a duplicate only
        Duplicates.Original original = q.duplicateOf() == null ? null : duplicates.original(c, q.brandId(), q.duplicateOf());
        boolean mayClose = q.duplicateOf() == null && q.isPublished() && !q.isDeleted() && duplicates.mayClose(caller, q.brandId());
        return new Views.QuestionView(q.id(), shown(q, q.title()), shown(q, q.body()), shown(q, posts.bodies.html(q)), topicRef(c, q.topicId()),
            ComplaintService.storeRef(c, q.storeId()), posts.tags(c, q.id()), facts.author(q.authorId()), q.official(), q.score(), q.upVotes(), q.downVotes(),
            q.answerCount(), q.acceptedAnswerId(), q.publication().name(), facts.myVote(q.id()),
            q.createdAt(), q.updatedAt(), answers, changed.editedAt(), changed.revisionCount(), changed.editedByModerator(),
            changed.deleted(), commented.getOrDefault(q.id(), Views.CommentList.NONE), original, mayClose);
    }

    private Views.AnswerView answerView(PostRow a, PostRow q, boolean expert, ThreadFacts facts,
                                        StaffNotes.StaffNoteView note, java.util.Map<Long, Views.CommentList> commented) {
        Views.Changes changed = facts.changes(a);
        return new Views.AnswerView(a.id(), shown(a, a.body()), shown(a, posts.bodies.html(a)), facts.author(a.authorId()), a.official(), expert,
            a.score(), a.upVotes(), a.downVotes(), Long.valueOf(a.id()).equals(q.acceptedAnswerId()),
            a.publication().name(), facts.myVote(a.id()), a.createdAt(), a.updatedAt(), changed.editedAt(),
            changed.revisionCount(), changed.editedByModerator(), changed.deleted(), note,
            commented.getOrDefault(a.id(), Views.CommentList.NONE));
    }

    /** A deleted post keeps its place in the thread with no text: pages show "deleted by its author". */
    static String shown(PostRow p, String text) {
        return text == null || !p.isDeleted() ? text : "";
    }

    static Views.TopicRef topicRef(Connection c, Long topicId) {
        if (topicId == null) {
            return null;
        }
        return Sql.one(c, "SELECT slug, name FROM topic WHERE id = ?",
            rs -> new Views.TopicRef(rs.getString(1), rs.getString(2)), topicId).orElse(null);
    }

}
