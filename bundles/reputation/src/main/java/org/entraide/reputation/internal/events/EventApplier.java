package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.entraide.api.event.AnswerAccepted;
import org.entraide.api.event.AnswerUnaccepted;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventReader;
import org.entraide.api.event.EventTypes;
import org.entraide.api.event.MemberRegistered;
import org.entraide.api.event.PostDeleted;
import org.entraide.api.event.PostPublished;
import org.entraide.api.event.PostRejected;
import org.entraide.api.event.RoleGranted;
import org.entraide.api.event.RoleRevoked;
import org.entraide.api.event.VoteCast;
import org.entraide.api.event.VoteChanged;
import org.entraide.api.event.VoteRetracted;
import org.entraide.api.knowledge.ArticlePromoted;
import org.entraide.api.knowledge.KnowledgeEvents;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.storage.Transactions;
import org.entraide.reputation.internal.board.PostCatalog;
import org.entraide.reputation.internal.ledger.Bookkeeper;
import org.entraide.reputation.internal.ledger.Posting;
import org.entraide.reputation.internal.ledger.Scorer;
import org.entraide.reputation.internal.ledger.Vote;
import org.entraide.reputation.internal.rules.BrandRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one domain event to the reputation tables, in the dispatcher's transaction (which
 * {@link Transactions#inTransaction} joins): members and their roles, the vote and acceptance journals, and
 * the ledger entries the scoring rules give, and where posts belong for the leaderboards. An exception rolls all of it back and the event is retried.
 */
public final class EventApplier {
    /** The core's events reputation reads. */
    public static final Set<String> TYPES = Set.of(EventTypes.USER_REGISTERED, EventTypes.ROLE_GRANTED,
        EventTypes.ROLE_REVOKED, EventTypes.VOTE_CAST, EventTypes.VOTE_CHANGED, EventTypes.VOTE_RETRACTED,
        EventTypes.ANSWER_ACCEPTED, EventTypes.ANSWER_UNACCEPTED, EventTypes.POST_PUBLISHED, EventTypes.POST_REJECTED,
        EventTypes.POST_DELETED, KnowledgeEvents.ARTICLE_PROMOTED);
    /** The reason of the entry a promoted article gives its contributor. */
    public static final String ARTICLE_PROMOTED = "article-promoted";

    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    private final Transactions tx;
    private final EventReader read;
    private final Bookkeeper keeper;
    private final Scorer scorer;
    private final BrandRules rules;
    private final VoteJournal votes;
    private final AcceptanceJournal acceptances;
    private final RejectionJournal rejections;
    private final PostCatalog posts;
    private final Announcer announcer;
    private final ComplaintPrivacy complaints;
    private final AwardJournal awards;

    public EventApplier(Transactions tx, EventReader read, Bookkeeper keeper, Scorer scorer, BrandRules rules, VoteJournal votes,
                        AcceptanceJournal acceptances, RejectionJournal rejections, PostCatalog posts,
                        Announcer announcer, ComplaintPrivacy complaints, AwardJournal awards) {
        this.tx = tx;
        this.read = read;
        this.keeper = keeper;
        this.scorer = scorer;
        this.rules = rules;
        this.votes = votes;
        this.acceptances = acceptances;
        this.rejections = rejections;
        this.posts = posts;
        this.announcer = announcer;
        this.complaints = complaints;
        this.awards = awards;
    }

    public void apply(DomainEvent e) {
        tx.inTransaction(c -> {
            keeper.lockBrand(c, e.brandId());
            switch (e.type()) {
                case EventTypes.USER_REGISTERED -> {
                    MemberRegistered m = read.read(e, MemberRegistered.class);
                    keeper.members().registered(c, e.brandId(), m.userId(), m.pseudonym(), e.occurredAt());
                }
                case EventTypes.ROLE_GRANTED -> {
                    RoleGranted r = read.read(e, RoleGranted.class);
                    keeper.members().role(c, e.brandId(), r.userId(), r.role().name(), true, e.occurredAt());
                }
                case EventTypes.ROLE_REVOKED -> {
                    RoleRevoked r = read.read(e, RoleRevoked.class);
                    keeper.members().role(c, e.brandId(), r.userId(), r.role().name(), false, e.occurredAt());
                }
                case EventTypes.VOTE_CAST -> {
                    VoteCast v = read.read(e, VoteCast.class);
                    vote(c, e, new CastVote(v.postId(), v.postType(), v.postAuthorId(), v.voterId(), v.value(), true));
                }
                case EventTypes.VOTE_CHANGED -> {
                    VoteChanged v = read.read(e, VoteChanged.class);
                    vote(c, e, new CastVote(v.postId(), v.postType(), v.postAuthorId(), v.voterId(), v.value(), false));
                }
                case EventTypes.VOTE_RETRACTED -> {
                    VoteRetracted v = read.read(e, VoteRetracted.class);
                    vote(c, e, new CastVote(v.postId(), v.postType(), v.postAuthorId(), v.voterId(), v.value(), false));
                }
                case EventTypes.ANSWER_ACCEPTED -> {
                    AnswerAccepted a = read.read(e, AnswerAccepted.class);
                    acceptance(c, e, a.questionId(), a.answerId(), a.answerAuthorId(), a.questionAuthorId(), true);
                }
                case EventTypes.ANSWER_UNACCEPTED -> {
                    AnswerUnaccepted a = read.read(e, AnswerUnaccepted.class);
                    acceptance(c, e, a.questionId(), a.answerId(), a.answerAuthorId(), a.questionAuthorId(), false);
                }
                case EventTypes.POST_PUBLISHED -> published(c, e, read.read(e, PostPublished.class));
                case EventTypes.POST_REJECTED -> {
                    PostRejected r = read.read(e, PostRejected.class);
                    rejection(c, e, new ComplaintPrivacy.Decided(r.postId(), r.postType(), r.authorId()), true);
                }
                case EventTypes.POST_DELETED -> deleted(c, e, read.read(e, PostDeleted.class));
                case KnowledgeEvents.ARTICLE_PROMOTED -> promoted(c, e, read.read(e, ArticlePromoted.class));
                default -> LOG.debug("Event {} of type {} ignored", e.id(), e.type());
            }
            return null;
        });
    }

    /** A vote event of any of the three kinds; {@code cast} for a first vote. */
    private record CastVote(long postId, PostType postType, long postAuthorId, long voterId, int value, boolean cast) {
    }

    private void vote(Connection c, DomainEvent e, CastVote v) {
        if (ComplaintPrivacy.concernsComplaint(v.postType())) {
            // the core takes no votes on complaints; were it to, they would still be worth nothing (ComplaintPrivacy)
            return;
        }
        long postId = v.postId();
        long voterId = v.voterId();
        if (!votes.isNew(c, postId, voterId, e.id())) {
            LOG.info("Vote event {} was already applied; ignored", e.id());
            return;
        }
        long authorId = v.postAuthorId();
        boolean answer = v.postType() == PostType.ANSWER;
        int value = v.value();
        Posting posting = keeper.open(c, e.brandId(), e.id(), e.occurredAt(), rules.points(c, e.brandId()));
        if (!v.cast()) {
            scorer.withdrawVote(c, posting, postId, voterId, value == 0 ? "vote-retracted" : "vote-changed");
        }
        if (value != 0) {
            scorer.vote(c, posting, new Vote(postId, voterId, authorId, answer, value));
        }
        votes.record(c, new VoteJournal.JournalVote(postId, voterId, e.brandId(), authorId, answer, value, e.id(),
            e.occurredAt(), false));
        announcer.announce(c, e.brandId(), e.id(), posting.changes(), rules.thresholds(c, e.brandId()));
    }

    /** A deleted question or answer no longer earns its author anything; complaints never earned anything. */
    private void deleted(Connection c, DomainEvent e, PostDeleted d) {
        if (ComplaintPrivacy.concernsComplaint(d.postType())) {
            return;
        }
        Posting posting = keeper.open(c, e.brandId(), e.id(), e.occurredAt(), rules.points(c, e.brandId()));
        scorer.withdrawPost(c, posting, d.postId(), d.authorId());
        announcer.announce(c, e.brandId(), e.id(), posting.changes(), rules.thresholds(c, e.brandId()));
    }

    /** The brand's points for a contribution it made an article: once per event, whatever redelivers it. */
    private void promoted(Connection c, DomainEvent e, ArticlePromoted p) {
        if (p.points() == 0 || !awards.record(c, new AwardJournal.Award(e.id(), e.brandId(), p.contributorId(),
            ARTICLE_PROMOTED, p.points(), p.postId(), e.actorId(), e.occurredAt()))) {
            return;
        }
        Posting posting = keeper.open(c, e.brandId(), e.id(), e.occurredAt(), rules.points(c, e.brandId()));
        posting.award(p.contributorId(), ARTICLE_PROMOTED, p.points(), p.postId(), e.actorId());
        announcer.announce(c, e.brandId(), e.id(), posting.changes(), rules.thresholds(c, e.brandId()));
    }

    private void published(Connection c, DomainEvent e, PostPublished p) {
        ComplaintPrivacy.Decided post = new ComplaintPrivacy.Decided(p.postId(), p.postType(), p.authorId());
        if (ComplaintPrivacy.concernsComplaint(p.postType())) {
            if (p.from() == PublicationState.REJECTED) {
                complaints.decided(c, e, post, false);
            }
            return;
        }
        posts.published(c, e.brandId(), p.postId(), p.topicId(), p.parentId(), new ArrayList<>(p.tags()));
        if (p.from() == PublicationState.REJECTED) {
            rejection(c, e, post, false);
        }
    }

    /**
     * A post rejected by moderation costs its author the post-rejected points; published again from REJECTED
     * (only an overturned appeal does that) it gets them back. The journal makes each happen once: a redelivered
     * event is not newer than the last one recorded for the post, and a restoration without a standing
     * rejection (a post rejected before reputation was enabled) takes nothing back.
     */
    private void rejection(Connection c, DomainEvent e, ComplaintPrivacy.Decided p, boolean rejected) {
        if (ComplaintPrivacy.concernsComplaint(p.postType())) {
            if (rejected) {
                complaints.decided(c, e, p, true);
            }
            return;
        }
        long postId = p.postId();
        if (!rejections.isNew(c, postId, e.id())) {
            LOG.info("Rejection event {} was already applied; ignored", e.id());
            return;
        }
        long authorId = p.authorId();
        boolean stood = rejections.stands(c, postId);
        Posting posting = keeper.open(c, e.brandId(), e.id(), e.occurredAt(), rules.points(c, e.brandId()));
        if (rejected && !stood) {
            scorer.reject(posting, postId, authorId);
        } else if (!rejected && stood) {
            scorer.withdrawRejection(c, posting, postId, authorId);
        }
        rejections.record(c, new RejectionJournal.Rejection(postId, e.brandId(), authorId, rejected, e.id(),
            e.occurredAt()));
        announcer.announce(c, e.brandId(), e.id(), posting.changes(), rules.thresholds(c, e.brandId()));
    }

    private void acceptance(Connection c, DomainEvent e, long questionId, long answerId, long answerAuthorId, long askerId,
                            boolean accepted) {
        if (!acceptances.isNew(c, questionId, e.id())) {
            LOG.info("Acceptance event {} was already applied; ignored", e.id());
            return;
        }
        Posting posting = keeper.open(c, e.brandId(), e.id(), e.occurredAt(), rules.points(c, e.brandId()));
        if (accepted) {
            scorer.accept(posting, answerId, answerAuthorId, askerId);
        } else {
            scorer.withdrawAcceptance(c, posting, answerId, askerId);
        }
        acceptances.record(c, new AcceptanceJournal.Acceptance(questionId, e.brandId(), accepted ? answerId : null,
            accepted ? answerAuthorId : null, askerId, e.id(), e.occurredAt()));
        announcer.announce(c, e.brandId(), e.id(), posting.changes(), rules.thresholds(c, e.brandId()));
    }
}
