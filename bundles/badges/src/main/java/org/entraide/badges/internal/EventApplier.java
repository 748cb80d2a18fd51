package org.entraide.badges.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.event.AnswerAccepted;
import org.entraide.api.event.AnswerUnaccepted;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventReader;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.PostDeleted;
import org.entraide.api.event.PostPublished;
import org.entraide.api.event.VoteCast;
import org.entraide.api.event.VoteChanged;
import org.entraide.api.event.VoteRetracted;
import org.entraide.api.moderation.FlagUpheld;
import org.entraide.api.moderation.ModerationEvents;
import org.entraide.api.model.PostType;
import org.entraide.api.storage.Transactions;
import org.entraide.badges.internal.store.MetricStore;
import org.entraide.badges.internal.store.PostCatalog;
import org.entraide.badges.internal.store.PostCatalog.Post;

/**
 * Turns the core's events into metrics, then evaluates the member concerned in the scopes that changed. Runs
 * inside the dispatcher's transaction: the metrics, the awards and the subscriber's position move together.
 */
public final class EventApplier {
    static final Set<String> TYPES = Set.of(EventTypes.POST_PUBLISHED, EventTypes.VOTE_CAST, EventTypes.VOTE_CHANGED,
        EventTypes.VOTE_RETRACTED, EventTypes.ANSWER_ACCEPTED, EventTypes.ANSWER_UNACCEPTED, ModerationEvents.FLAG_UPHELD,
        EventTypes.POST_DELETED);

    private final Transactions tx;
    private final EventReader read;
    private final MetricStore metrics;
    private final PostCatalog posts;
    private final Evaluator evaluator;

    public EventApplier(Transactions tx, EventReader read, MetricStore metrics, PostCatalog posts, Evaluator evaluator) {
        this.tx = tx;
        this.read = read;
        this.metrics = metrics;
        this.posts = posts;
        this.evaluator = evaluator;
    }

    public void apply(DomainEvent e) {
        tx.inTransaction(c -> {
            switch (e.type()) {
                case EventTypes.POST_PUBLISHED -> published(c, e, read.read(e, PostPublished.class));
                case EventTypes.VOTE_CAST -> {
                    VoteCast v = read.read(e, VoteCast.class);
                    voted(c, e, v.postId(), v.value() - v.previous());
                }
                case EventTypes.VOTE_CHANGED -> {
                    VoteChanged v = read.read(e, VoteChanged.class);
                    voted(c, e, v.postId(), v.value() - v.previous());
                }
                case EventTypes.VOTE_RETRACTED -> {
                    VoteRetracted v = read.read(e, VoteRetracted.class);
                    voted(c, e, v.postId(), v.value() - v.previous());
                }
                case EventTypes.ANSWER_ACCEPTED -> accepted(c, e, read.read(e, AnswerAccepted.class).answerId(), true);
                case EventTypes.ANSWER_UNACCEPTED -> accepted(c, e, read.read(e, AnswerUnaccepted.class).answerId(), false);
                case ModerationEvents.FLAG_UPHELD -> helpfulFlag(c, e, read.read(e, FlagUpheld.class));
                case EventTypes.POST_DELETED -> deleted(c, e, read.read(e, PostDeleted.class).postId());
                default -> {
                }
            }
            return null;
        });
    }

    private void published(Connection c, DomainEvent e, PostPublished p) {
        long postId = p.postId();
        long authorId = p.authorId();
        if (p.postType() != PostType.QUESTION && p.postType() != PostType.ANSWER) {
            return;
        }
        String type = p.postType().name();
        if (posts.find(c, postId).isPresent()) {
            return; // published again after being hidden: counted the first time
        }
        Optional<Post> stored = posts.fromCore(c, postId, e.brandId(), authorId, type);
        if (stored.isEmpty()) {
            return;
        }
        Post post = stored.get();
        if (post.isAnswer() && post.parentId() != null) {
            Post question = posts.find(c, post.parentId()).orElse(null);
            if (question != null) {
                post = new Post(postId, e.brandId(), authorId, type, question.id(), question.topicId(), question.city(),
                    question.tags());
            }
        }
        posts.add(c, post);
        List<String> scopes = post.scopes();
        String counter = post.isAnswer() ? "answers" : "questions";
        for (String scope : scopes) {
            metrics.add(c, e.brandId(), authorId, scope, counter, 1);
        }
        metrics.set(c, e.brandId(), authorId, "", post.isAnswer() ? "firstAnswer" : "firstQuestion", 1);
        int streak = metrics.active(c, e.brandId(), authorId, LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        long best = metrics.of(c, e.brandId(), authorId, "").getOrDefault("consecutiveDays", 0L);
        if (streak > best) {
            metrics.set(c, e.brandId(), authorId, "", "consecutiveDays", streak);
        }
        List<String> evaluated = new ArrayList<>(scopes);
        evaluated.add(post.ownScope());
        evaluator.evaluate(c, e.brandId(), authorId, evaluated, e.id());
    }

    private void voted(Connection c, DomainEvent e, long postId, int delta) {
        Optional<Post> post = posts.find(c, postId);
        if (delta == 0 || post.isEmpty()) {
            return;
        }
        Post target = post.get();
        String metric = target.isAnswer() ? "answerScore" : "questionScore";
        for (String scope : target.scopes()) {
            metrics.add(c, e.brandId(), target.authorId(), scope, metric, delta);
        }
        metrics.add(c, e.brandId(), target.authorId(), target.ownScope(), "score", delta);
        List<String> evaluated = new ArrayList<>(target.scopes());
        evaluated.add(target.ownScope());
        evaluator.evaluate(c, e.brandId(), target.authorId(), evaluated, e.id());
    }

    /**
     * Its author deleted a question or answer: it leaves the question and answer counts and the catalog, so that
     * future counts ignore it. Badges already awarded stay (nobody is re-evaluated here); a replay finds the post
     * gone and does nothing.
     */
    private void deleted(Connection c, DomainEvent e, long postId) {
        Optional<Post> post = posts.find(c, postId);
        if (post.isEmpty()) {
            return;
        }
        Post p = post.get();
        for (String scope : p.scopes()) {
            metrics.add(c, e.brandId(), p.authorId(), scope, p.isAnswer() ? "answers" : "questions", -1);
        }
        posts.remove(c, postId);
    }

    /** A flag the moderation plugin's review upheld: one more helpful flag for its member. */
    private void helpfulFlag(Connection c, DomainEvent e, FlagUpheld flag) {
        long userId = flag.userId();
        metrics.add(c, e.brandId(), userId, "", "helpfulFlags", 1);
        evaluator.evaluate(c, e.brandId(), userId, List.of(""), e.id());
    }

    private void accepted(Connection c, DomainEvent e, long answerId, boolean accepted) {
        Optional<Post> post = posts.find(c, answerId);
        if (post.isEmpty()) {
            return;
        }
        Post answer = post.get();
        for (String scope : answer.scopes()) {
            metrics.add(c, e.brandId(), answer.authorId(), scope, "acceptedAnswers", accepted ? 1 : -1);
        }
        metrics.set(c, e.brandId(), answer.authorId(), answer.ownScope(), "accepted", accepted ? 1 : 0);
        if (accepted) {
            metrics.set(c, e.brandId(), answer.authorId(), "", "firstAcceptedAnswer", 1);
        }
        List<String> evaluated = new ArrayList<>(answer.scopes());
        evaluated.add(answer.ownScope());
        evaluator.evaluate(c, e.brandId(), answer.authorId(), evaluated, e.id());
    }
}
