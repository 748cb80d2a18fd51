package org.entraide.moderation.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Store;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.platform.PostText;
import org.entraide.api.moderation.FlagUpheld;
import org.entraide.api.moderation.PostFlagged;
import org.entraide.api.moderation.ReviewOverdue;
import org.entraide.api.plugin.Publications;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.moderation.internal.store.Audit;
import org.entraide.moderation.internal.store.Flags;
import org.entraide.moderation.internal.store.HeldVerdicts;
import org.entraide.moderation.internal.store.ReviewQueue;
import org.entraide.jdbc.Sql;

/**
 * Human review: held posts enter the queue (from the post.submitted event), members' flags hide a post past the
 * threshold and queue it, a moderator claims an item and approves or rejects it with a reason code; the core's
 * Publications service changes the post's state and tells the author through its event. Every step is audited.
 */
public final class Review {
    public static final List<String> REASON_CODES = List.of("abuse", "spam", "personal-data", "off-topic", "duplicate",
        "not-about-store", "other");

    private final Transactions tx;
    private final EventLog events;
    private final Publications publications;
    private final Platform platform;
    private final ReviewQueue queue;
    private final Flags flags;
    private final Audit audit;
    private final HeldVerdicts verdicts;
    private final AuthorReputation reputation;
    private final Clock clock;
    private volatile double flagThreshold;
    private volatile Duration remindAfter;

    /** The moderation tables review works on. */
    public record Stores(ReviewQueue queue, Flags flags, Audit audit, HeldVerdicts verdicts) {
    }

    public Review(Transactions tx, EventLog events, Publications publications, Platform platform, Stores stores, AuthorReputation reputation,
                  Clock clock, double flagThreshold, Duration remindAfter) {
        this.tx = tx;
        this.events = events;
        this.publications = publications;
        this.platform = platform;
        this.queue = stores.queue();
        this.flags = stores.flags();
        this.audit = stores.audit();
        this.verdicts = stores.verdicts();
        this.reputation = reputation;
        this.clock = clock;
        this.flagThreshold = flagThreshold;
        this.remindAfter = remindAfter;
    }

    public void configure(double threshold, Duration remind) {
        this.flagThreshold = threshold;
        this.remindAfter = remind;
    }

    /** From the dispatcher, in its transaction: a post stored for review enters the queue. */
    public void submitted(DomainEvent e) {
        tx.inTransaction(c -> {
            PostFacts post = platform.posts().post(c, e.brandId(), e.subjectId()).orElse(null);
            if (post != null && post.publication() == PublicationState.PENDING_REVIEW) {
                PostText text = platform.posts().text(c, e.brandId(), e.subjectId()).orElseThrow();
                String rules = verdicts.take(c, e.brandId(), post.authorId(), text.title(), text.body()).orElse(null);
                queue.add(c, e.brandId(), e.subjectId(), "HOLD", null, rules, clock.instant());
                audit.record(c, e.brandId(), null, "HOLD", e.subjectId(), "rules", null, post.publication().name(),
                    clock.instant());
            }
            return null;
        });
    }

    /**
     * A member flags a post; past the threshold the post is hidden and queued. Returns the post's weight. With the
     * reputation plugin, a member below the brand's {@code flag} privilege threshold is refused (403), as its own
     * submission step refuses votes.
     */
    public double flag(Caller caller, long brandId, long postId, String reason, String detail) {
        reputation.require(caller, brandId, AuthorReputation.FLAG);
        if (!Flags.REASONS.contains(reason)) {
            throw ProblemException.invalid("reason", "one of " + Flags.REASONS);
        }
        if (detail != null && detail.length() > 500) {
            throw ProblemException.invalid("detail", "at most 500 characters");
        }
        return tx.inTransaction(c -> {
            PostFacts post = platform.posts().post(c, brandId, postId).filter(PostFacts::isPublished)
                .orElseThrow(() -> ProblemException.notFound("no published post " + postId));
            if (post.authorId() == caller.userId()) {
                throw ProblemException.forbidden("you cannot flag your own post");
            }
            Instant now = clock.instant();
            double weight = flags.add(c, brandId, postId, caller.userId(), reason, detail, now);
            audit.record(c, brandId, caller.userId(), "FLAG", postId, reason, null, null, now);
            if (weight >= flagThreshold) {
                publications.change(brandId, postId, PublicationState.HIDDEN, null, "flagged by members");
                queue.add(c, brandId, postId, "FLAG", "weight " + weight, now);
                audit.record(c, brandId, null, "HIDE", postId, "flags", "PUBLISHED", "HIDDEN", now);
                events.append(c, brandId, null, postId, new PostFlagged(postId, weight));
            }
            return weight;
        });
    }

    public static final List<String> REQUEST_CATEGORIES = List.of("inappropriate", "not-about-store", "duplicate",
        "personal-data");

    /**
     * A store manager cannot remove a complaint about their store; they ask moderators to, with a category. The
     * complaint stays published until a moderator decides; the requests are counted per store.
     */
    public void request(Caller manager, long brandId, long complaintId, String category, String detail) {
        if (!REQUEST_CATEGORIES.contains(category)) {
            throw ProblemException.invalid("category", "one of " + REQUEST_CATEGORIES);
        }
        if (detail != null && detail.length() > 500) {
            throw ProblemException.invalid("detail", "at most 500 characters");
        }
        tx.inTransaction(c -> {
            Long store = platform.posts().post(c, brandId, complaintId).filter(p -> p.type() == PostType.COMPLAINT)
                .orElseThrow(() -> ProblemException.notFound("no complaint " + complaintId)).storeId();
            if (store == null || !manager.managesStore(store)) {
                throw ProblemException.forbidden("managers of the complaint's store only");
            }
            Instant now = clock.instant();
            queue.add(c, brandId, complaintId, "REQUEST", category + (detail == null ? "" : ": " + detail), now);
            audit.record(c, brandId, manager.userId(), "REQUEST", complaintId, category, null, null, now);
            return null;
        });
    }

    /** Moderation requests per store: how often each store's managers asked, and how it was decided. */
    public List<Map<String, Object>> requestsPerStore(long brandId) {
        return tx.inTransaction(c -> {
            // decisions per complaint, then per store: a brand's requests are few, its stores fewer
            Map<String, long[]> perStore = new TreeMap<>();
            for (Object[] r : Sql.list(c, "SELECT post_id, SUM(CASE WHEN decision = 'REJECTED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN decision = 'APPROVED' THEN 1 ELSE 0 END), COUNT(*) FROM moderation_item "
                + "WHERE brand_id = ? AND source = 'REQUEST' GROUP BY post_id",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, brandId)) {
                Optional<String> code = platform.posts().post(c, brandId, (Long) r[0]).map(PostFacts::storeId)
                    .flatMap(s -> platform.stores().byId(c, brandId, s)).map(Store::code);
                code.ifPresent(s -> {
                    long[] n = perStore.computeIfAbsent(s, k -> new long[3]);
                    n[0] += (Long) r[3];
                    n[1] += (Long) r[1];
                    n[2] += (Long) r[2];
                });
            }
            List<Map<String, Object>> out = new ArrayList<>();
            perStore.forEach((s, n) -> out.add(Map.of("store", s, "requests", n[0], "removed", n[1], "kept", n[2])));
            return out;
        });
    }

    public ReviewQueue.Item claim(Caller moderator, long brandId, long itemId) {
        return tx.inTransaction(c -> {
            ReviewQueue.Item item = queue.lock(c, brandId, itemId);
            queue.claim(c, item, moderator.userId(), clock.instant());
            audit.record(c, brandId, moderator.userId(), "CLAIM", item.postId(), null, null, null, clock.instant());
            return queue.lock(c, brandId, itemId);
        });
    }

    private volatile MessageReviews messageReviews;

    /** Reported private messages, decided in the same queue. */
    void use(MessageReviews m) {
        this.messageReviews = m;
    }

    /** A moderator's correction sent with an approval: a null title or body keeps the post's own. */
    public record Correction(String title, String body) {
    }

    public ReviewQueue.Item decide(Caller moderator, long brandId, long itemId, String decision, String reasonCode) {
        return decide(moderator, brandId, itemId, decision, reasonCode, null);
    }

    /**
     * Approves (publishes) or rejects the item's post; the reason code is required to reject. An approval may
     * carry a correction of the text: the core checks and cleans it as any post's (a refused text changes
     * nothing), the author's post.published event says it was edited, and the audit log keeps both texts.
     */
    public ReviewQueue.Item decide(Caller moderator, long brandId, long itemId, String decision, String reasonCode,
                                   Correction correction) {
        MessageReviews reported = messageReviews;
        if (reported != null && reported.isMessage(brandId, itemId)) {
            return reported.decide(moderator, brandId, itemId, decision, reasonCode, correction != null);
        }
        boolean approve = "approve".equals(decision);
        if (!approve && !"reject".equals(decision)) {
            throw ProblemException.invalid("decision", "approve or reject");
        }
        if (!approve && (reasonCode == null || !REASON_CODES.contains(reasonCode))) {
            throw ProblemException.invalid("reasonCode", "required to reject: one of " + REASON_CODES);
        }
        if (!approve && correction != null) {
            throw ProblemException.invalid("body", "a corrected text goes with an approval, not a rejection");
        }
        return tx.inTransaction(c -> {
            ReviewQueue.Item item = queue.lockForDecision(c, brandId, itemId, moderator.userId());
            Instant now = clock.instant();
            String before = platform.posts().post(c, brandId, item.postId()).map(p -> p.publication().name()).orElse(null);
            PublicationState to = approve ? PublicationState.PUBLISHED : PublicationState.REJECTED;
            if (correction != null) {
                publishCorrected(c, brandId, item.postId(), moderator.userId(), correction, now);
            } else {
                publications.change(brandId, item.postId(), to, moderator.userId(), approve ? "approved" : reasonCode);
            }
            queue.decide(c, item, moderator.userId(), approve ? "APPROVED" : "REJECTED", reasonCode, now);
            if (item.source().equals("FLAG")) {
                for (Flags.Decided f : flags.decided(c, item.postId(), !approve)) {
                    if (!approve) {
                        events.append(c, brandId, moderator.userId(), f.userId(), new FlagUpheld(f.userId(),
                            item.postId(), f.reason()));
                    }
                }
            }
            audit.record(c, brandId, moderator.userId(), approve ? "APPROVE" : "REJECT", item.postId(),
                approve ? null : reasonCode, before, to.name(), now);
            return queue.lock(c, brandId, itemId);
        });
    }

    /** Publishes the corrected text through the core and audits the text before and after. */
    private void publishCorrected(Connection c, long brandId, long postId, long moderatorId, Correction correction,
                                  Instant now) {
        String[] before = text(c, brandId, postId);
        publications.publishEdited(brandId, postId, correction.title(), correction.body() == null ? before[1]
            : correction.body(), moderatorId, "approved");
        String[] after = text(c, brandId, postId);
        audit.recordEdit(c, brandId, moderatorId, postId, new Audit.Edit(before[0], before[1], after[0], after[1]), now);
    }

    /** {title, body} of the post. */
    private String[] text(Connection c, long brandId, long postId) {
        return platform.posts().text(c, brandId, postId).map(t -> new String[] {t.title(), t.body()})
            .orElseThrow(() -> ProblemException.notFound("no post " + postId));
    }

    /** Tells, once, about items waiting longer than allowed; returns how many. Safe with several nodes. */
    public int remind() {
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            int n = 0;
            for (ReviewQueue.Item item : queue.overdue(c, now.minus(remindAfter), 100)) {
                long brandId = queue.brandOf(c, item.id()).orElseThrow();
                events.append(c, brandId, null, item.postId(), new ReviewOverdue(item.id(), item.postId(), item.source(),
                    item.createdAt().toString()));
                queue.reminded(c, item.id(), now);
                n++;
            }
            return n;
        });
    }

}
