package org.entraide.reputation.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.reputation.internal.events.EventApplier;
import org.entraide.reputation.internal.ledger.Entry;
import org.entraide.reputation.internal.ledger.Ledger;
import org.entraide.reputation.internal.ledger.Member;
import org.entraide.reputation.internal.ledger.Members;
import org.entraide.reputation.internal.ledger.PrivateHistory;
import org.entraide.reputation.internal.rules.Rule;

/**
 * {@code GET /brands/{brand}/users/{id}/reputation}: a member's total and their history, newest first, each
 * entry with the reason the member reads. Public, like the reputation shown beside every post.
 */
final class HistoryEndpoint {
    /** One line of the history. */
    record HistoryItem(long id, int amount, String reason, String label, boolean capped, boolean reversed,
                       boolean reversal, String reversalCause, Long eventId, Long postId, Instant at) {
    }

    /** The answer: total and one page of history. */
    record ReputationView(long userId, int reputation, Page<HistoryItem> history) {
    }

    /** A page of history, shaped like every list of the API. */
    record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** A line of the private history: about a complaint, worth no points. */
    record PrivateItem(long id, String reason, String label, long postId, Long eventId, Instant at) {
    }

    private static final Map<String, String> CAUSES = Map.of("vote-retracted", "the vote was retracted",
        "vote-changed", "the vote was changed", "unaccepted", "the answer is no longer accepted",
        "serial-voting", "votes between the same members were reversed as serial voting",
        "post-restored", "an appeal overturned the rejection and the post is published again");

    private static final Map<String, String> PRIVATE_LABELS = Map.of(
        "complaint-rejected", "Moderation rejected your complaint (complaints never change your reputation)",
        "complaint-restored", "An appeal overturned the rejection of your complaint",
        "response-rejected", "Moderation rejected your response to a complaint (worth no points)",
        "response-restored", "An appeal overturned the rejection of your response to a complaint");

    private final Transactions tx;
    private final Members members;
    private final Ledger ledger;
    private final PrivateHistory privateEntries;

    HistoryEndpoint(Transactions tx, Members members, Ledger ledger, PrivateHistory privateEntries) {
        this.tx = tx;
        this.members = members;
        this.ledger = ledger;
        this.privateEntries = privateEntries;
    }

    ApiResult handle(ApiCall call) {
        long brandId = call.brand().id();
        long userId = call.pathId("id");
        int page = call.intQuery("page", 1, 1, Access.MAX_PAGE);
        int size = call.intQuery("size", 20, 1, Access.MAX_PAGE_SIZE);
        return ApiResult.ok(tx.inTransaction(c -> {
            Member m = members.find(c, userId).filter(x -> x.brandId() == brandId)
                .orElseThrow(() -> ProblemException.notFound("no member " + userId + " in this brand"));
            List<HistoryItem> items = ledger.history(c, userId, (page - 1) * size, size).stream()
                .map(HistoryEndpoint::item).toList();
            return new ReputationView(userId, m.points(), new Page<>(items, ledger.count(c, userId), page, size));
        }));
    }

    /**
     * {@code GET /users/{id}/reputation/private}: what concerns the member's complaints, for the member only. Public
     * views never show it (a complaint's id or the time of a decision would name its author).
     */
    ApiResult privateHistory(ApiCall call) {
        long brandId = call.brand().id();
        long userId = call.pathId("id");
        Caller caller = call.caller();
        if (caller.brandId() != brandId || caller.userId() != userId) {
            throw ProblemException.forbidden("only the member reads their private history");
        }
        int page = call.intQuery("page", 1, 1, Access.MAX_PAGE);
        int size = call.intQuery("size", 20, 1, Access.MAX_PAGE_SIZE);
        return ApiResult.ok(tx.inTransaction(c -> new Page<>(privateEntries.of(c, userId, (page - 1) * size, size).stream()
            .map(e -> new PrivateItem(e.id(), e.reason(), PRIVATE_LABELS.getOrDefault(e.reason(), e.reason()), e.postId(),
                e.eventId(), e.occurredAt())).toList(), privateEntries.count(c, userId), page, size)));
    }

    static HistoryItem item(Entry e) {
        String label = Rule.byCode(e.reason()).map(Rule::label)
            .orElse(EventApplier.ARTICLE_PROMOTED.equals(e.reason()) ? "Your contribution became a brand article" : e.reason());
        if (e.isReversal()) {
            label = label + ", taken back: " + CAUSES.getOrDefault(e.reversalCause(), e.reversalCause());
        } else if (e.capped()) {
            label = label + " (daily limit reached)";
        }
        return new HistoryItem(e.id(), e.amount(), e.reason(), label, e.capped(), e.reversed(), e.isReversal(),
            e.reversalCause(), e.eventId(), e.postId(), e.occurredAt());
    }
}
