package org.entraide.reputation.internal.events;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventTypes;
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
        EventTypes.ANSWER_ACCEPTED, EventTypes.ANSWER_UNACCEPTED, EventTypes.POST_PUBLISHED, EventTypes.POST_REJECTED);

    private static final Logger LOG = LoggerFactory.getLogger(EventApplier.class);

    private final Transactions tx;
    private final ObjectMapper json = new ObjectMapper();
    private final Bookkeeper keeper;
    private final Scorer scorer;
    private final BrandRules rules;
    private final VoteJournal votes;
    private final AcceptanceJournal acceptances;
    private final RejectionJournal rejections;
    private final PostCatalog posts;
    private final Announcer announcer;
    private final ComplaintPrivacy complaints;

    public EventApplier(Transactions tx, Bookkeeper keeper, Scorer scorer, BrandRules rules, VoteJournal votes,
                        AcceptanceJournal acceptances, RejectionJournal rejections, PostCatalog posts,
                        Announcer announcer, ComplaintPrivacy complaints) {
        this.tx = tx;
        this.keeper = keeper;
        this.scorer = scorer;
        this.rules = rules;
        this.votes = votes;
        this.acceptances = acceptances;
        this.rejections = rejections;
        this.posts = posts;
        this.announcer = announcer;
        this.complaints = complaints;
    }

    public void apply(DomainEvent e) {
        tx.inTransaction(c -> {
            JsonNode p = json.readTree(e.payload());
            keeper.lockBrand(c, e.brandId());
            switch (e.type()) {
                case EventTypes.USER_REGISTERED -> keeper.members().registered(c, e.brandId(), p.get("userId").asLong(),
                    p.path("pseudonym").asText(null), e.occurredAt());
                case EventTypes.ROLE_GRANTED, EventTypes.ROLE_REVOKED -> keeper.members().role(c, e.brandId(),
                    p.get("userId").asLong(), p.get("role").asText(), EventTypes.ROLE_GRANTED.equals(e.type()), e.occurredAt());
                case EventTypes.VOTE_CAST, EventTypes.VOTE_CHANGED, EventTypes.VOTE_RETRACTED -> vote(c, e, p);
                case EventTypes.ANSWER_ACCEPTED, EventTypes.ANSWER_UNACCEPTED -> acceptance(c, e, p);
                case EventTypes.POST_PUBLISHED -> published(c, e, p);
                case EventTypes.POST_REJECTED -> rejection(c, e, p, true);
                default -> LOG.debug("Event {} of type {} ignored", e.id(), e.type());
            }
            return null;
        });
    }

    private void vote(Connection c, DomainEvent e, JsonNode p) {
        if (ComplaintPrivacy.concernsComplaint(p)) {
            // the core takes no votes on complaints; were it to, they would still be worth nothing (ComplaintPrivacy)
            return;
        }
        long postId = p.get("postId").asLong();
        long voterId = p.get("voterId").asLong();
        if (!votes.isNew(c, postId, voterId, e.id())) {
            LOG.info("Vote event {} was already applied; ignored", e.id());
            return;
        }
        long authorId = p.get("postAuthorId").asLong();
        boolean answer = "ANSWER".equals(p.get("postType").asText());
        int value = p.get("value").asInt();
        Posting posting = keeper.open(c, e.brandId(), e.id(), e.occurredAt(), rules.points(c, e.brandId()));
        if (!EventTypes.VOTE_CAST.equals(e.type())) {
            scorer.withdrawVote(c, posting, postId, voterId, value == 0 ? "vote-retracted" : "vote-changed");
        }
        if (value != 0) {
            scorer.vote(c, posting, new Vote(postId, voterId, authorId, answer, value));
        }
        votes.record(c, new VoteJournal.JournalVote(postId, voterId, e.brandId(), authorId, answer, value, e.id(),
            e.occurredAt(), false));
        announcer.announce(c, e.brandId(), e.id(), posting.changes(), rules.thresholds(c, e.brandId()));
    }

    private void published(Connection c, DomainEvent e, JsonNode p) {
        if (ComplaintPrivacy.concernsComplaint(p)) {
            if (PublicationState.REJECTED.name().equals(p.path("from").asText())) {
                complaints.decided(c, e, p, false);
            }
            return;
        }
        List<String> tags = new ArrayList<>();
        p.path("tags").forEach(t -> tags.add(t.asText()));
        posts.published(c, e.brandId(), p.get("postId").asLong(), p.hasNonNull("topicId") ? p.get("topicId").asLong() : null,
            p.hasNonNull("parentId") ? p.get("parentId").asLong() : null, tags);
        if (PublicationState.REJECTED.name().equals(p.path("from").asText())) {
            rejection(c, e, p, false);
        }
    }

    /**
     * A post rejected by moderation costs its author the post-rejected points; published again from REJECTED
     * (only an overturned appeal does that) it gets them back. The journal makes each happen once: a redelivered
     * event is not newer than the last one recorded for the post, and a restoration without a standing
     * rejection (a post rejected before reputation was enabled) takes nothing back.
     */
    private void rejection(Connection c, DomainEvent e, JsonNode p, boolean rejected) {
        if (ComplaintPrivacy.concernsComplaint(p)) {
            if (rejected) {
                complaints.decided(c, e, p, true);
            }
            return;
        }
        long postId = p.get("postId").asLong();
        if (!rejections.isNew(c, postId, e.id())) {
            LOG.info("Rejection event {} was already applied; ignored", e.id());
            return;
        }
        long authorId = p.get("authorId").asLong();
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

    private void acceptance(Connection c, DomainEvent e, JsonNode p) {
        long questionId = p.get("questionId").asLong();
        if (!acceptances.isNew(c, questionId, e.id())) {
            LOG.info("Acceptance event {} was already applied; ignored", e.id());
            return;
        }
        long answerId = p.get("answerId").asLong();
        long answerAuthorId = p.get("answerAuthorId").asLong();
        long askerId = p.get("questionAuthorId").asLong();
        boolean accepted = EventTypes.ANSWER_ACCEPTED.equals(e.type());
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
