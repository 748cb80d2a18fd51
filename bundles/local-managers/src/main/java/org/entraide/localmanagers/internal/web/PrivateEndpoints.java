package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entraide.api.event.EventLog;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Platform;
import org.entraide.localmanagers.internal.store.IdentityAccessLog;

/**
 * What ties a complaint to its author, and who may know it: the assigned manager reads the complainant's e-mail
 * (every reading logged in {@code lm_identity_access}), the complainant and the store's side exchange private messages
 * ({@link ThreadParties}: nobody else reads them, brand admins neither until the complaint reaches the central team),
 * and brand admins read the log of those readings.
 */
public final class PrivateEndpoints {
    private final Transactions tx;
    private final Clock clock;

    private final Platform platform;
    private final Lookups lookups;
    private final PrivateMessageWriter writer;

    private final MessageReports reports;

    public PrivateEndpoints(Transactions tx, EventLog events, Platform platform, BrandFeatures features, Clock clock) {
        this.platform = platform;
        this.lookups = new Lookups(platform);
        this.writer = new PrivateMessageWriter(events, lookups, clock);
        this.reports = new MessageReports(events, platform, lookups, features, clock);
        this.tx = tx;
        this.clock = clock;
    }

    ApiResult complainant(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            long author = lookups.published(c, call.brand().id(), id).authorId();
            if (!assigned(c, id, caller)) {
                throw ProblemException.forbidden("only the manager the complaint is assigned to sees who filed it");
            }
            String email = platform.members().member(c, call.brand().id(), author).orElseThrow().email();
            Sql.update(c, "INSERT INTO lm_identity_access (complaint_id, user_id, at_time) VALUES (?, ?, ?)", id,
                caller.userId(), clock.instant());
            return Map.of("complaintId", id, "email", email);
        }));
    }

    private volatile PrivateMessageRules messageRules;

    /** The moderation plugin's rules for private messages, when it is installed (null otherwise). */
    public void useMessageRules(PrivateMessageRules rules) {
        this.messageRules = rules;
    }

    /**
     * The manager asks for details, the complainant answers: between those two only. With the moderation plugin,
     * both directions go through its rules (redaction, censoring, sanctions) before they are stored.
     */
    ApiResult postMessage(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        String text = call.body(Bodies.Message.class).body();
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/complaints/" + id + "/messages",
            tx.inTransaction(c -> Map.of("id", writer.write(c, call.brand().id(), id, caller, text, messageRules))));
    }

    /** A party reports the other party's message to the moderators; see {@link MessageReports#report}. */
    ApiResult report(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        long messageId = call.pathId("messageId");
        String reason = call.body(Bodies.Report.class).reason();
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/complaints/" + id + "/messages",
            tx.inTransaction(c -> Map.of("id", reports.report(c, call.brand().id(), id, messageId, caller, reason))));
    }

    ApiResult messages(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            long author = lookups.published(c, call.brand().id(), id).authorId();
            ThreadParties.Party party = ThreadParties.require(c, call.brand().id(), id, author, caller);
            // a message hidden by moderation keeps its place in the thread, without its text (the page says why)
            List<Map<String, Object>> items = Sql.list(c, "SELECT id, author_id, body, created_at, hidden_at FROM lm_message "
                + "WHERE complaint_id = ? ORDER BY id LIMIT ? OFFSET ?", rs -> {
                    boolean removed = rs.getTimestamp("hidden_at") != null;
                    return Map.<String, Object>of("id", rs.getLong(1), "fromStore", rs.getLong(2) != author,
                        "mine", rs.getLong(2) == caller.userId(), "body", removed ? "" : rs.getString(3), "removed", removed,
                        "at", Sql.instant(rs, "created_at").toString());
                }, id, paging.size(), paging.offset());
            // what the party was shown is read: the page's newest message is their mark
            items.stream().mapToLong(m -> (Long) m.get("id")).max()
                .ifPresent(last -> MessageReads.mark(c, id, caller.userId(), last, clock.instant()));
            Map<String, Object> answer = paging.answer(items, Sql.count(c, "SELECT COUNT(*) FROM lm_message WHERE complaint_id = ?", id));
            // the caller's part: their pages show the assigned manager's tools, or a region manager's
            answer.put("party", party.name().toLowerCase(java.util.Locale.ROOT));
            return answer;
        }));
    }

    /**
     * The caller's unread private messages in each of a page of complaints ({@code ids}, at most 50, comma-separated):
     * what "My space" and a manager's list show beside each complaint, in one call. Only the threads the caller is a
     * party of count (their own complaints, those assigned to them, their region's, the central team's); any other id
     * is left out, like a complaint with nothing unread, so that the answer tells nothing of other people's threads.
     */
    ApiResult unread(ApiCall call) {
        Caller caller = Callers.member(call);
        List<Long> ids = ComplaintEndpoints.ids(call.query("ids"));
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Long> published = lookups.complaints(c, brandId, ids).values().stream().filter(ComplaintFacts::isPublished)
                .map(ComplaintFacts::id).sorted().toList();
            Map<Long, Long> counts = MessageReads.unread(c, caller.userId(), published);
            Set<Long> assigned = assignedAmong(c, caller.userId(), counts.keySet());
            List<Map<String, Object>> items = new ArrayList<>();
            long total = 0;
            for (long id : published) {
                Long n = counts.get(id);
                // the author and the assignment are looked up only for the few threads with something unread that are
                // not the caller's as assigned manager: their own, or one of their region's or central team's
                if (n != null && (assigned.contains(id)
                    || ThreadParties.of(c, brandId, id, lookups.exists(c, brandId, id).authorId(), caller).isPresent())) {
                    items.add(Map.of("complaintId", id, "unread", n));
                    total += n;
                }
            }
            return Map.of("items", items, "total", total);
        }));
    }

    /**
     * The caller's unread private messages in all their threads, as complainant and on the store's side (assigned
     * manager, a manager of the region it was escalated to, the central team): the total the header of every page
     * shows; {@code asManager} is the store's side, of which {@code asCentralTeam} the threads read as the central
     * team. One indexed query ({@link MessageReads#everywhere}); the core is asked which of the complaints are still
     * public only when something is unread, so that a complaint hidden since (whose thread nobody can open to clear it)
     * does not count.
     */
    ApiResult total(ApiCall call) {
        Caller caller = Callers.member(call);
        long brandId = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<Long, MessageReads.Unread> rows = new java.util.LinkedHashMap<>();
            MessageReads.everywhere(c, brandId, caller.userId(), ThreadParties.centralTeam(caller, brandId))
                .forEach(u -> rows.putIfAbsent(u.complaintId(), u));
            Map<Long, ComplaintFacts> complaints = rows.isEmpty() ? Map.of()
                : lookups.complaints(c, brandId, List.copyOf(rows.keySet()));
            long[] parts = new long[3];
            for (MessageReads.Unread u : rows.values()) {
                ComplaintFacts complaint = complaints.get(u.complaintId());
                if (complaint != null && complaint.isPublished()) {
                    parts[u.part()] += u.count();
                }
            }
            long asManager = parts[MessageReads.STORE_SIDE] + parts[MessageReads.CENTRAL_TEAM];
            return Map.of("total", parts[MessageReads.COMPLAINANT] + asManager, "asComplainant", parts[MessageReads.COMPLAINANT],
                "asManager", asManager, "asCentralTeam", parts[MessageReads.CENTRAL_TEAM]);
        }));
    }

    /** The SQL of the unread total, its parameters in {@link MessageReads#everywhere}'s order: for the tests that read its plan. */
    public static String unreadTotalSql(boolean brandAdmin) {
        return MessageReads.sql(brandAdmin);
    }

    /** Those complaints assigned to that manager. */
    static Set<Long> assignedAmong(Connection c, long managerId, Collection<Long> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(complaintIds);
        params.add(managerId);
        return new HashSet<>(Sql.list(c, "SELECT complaint_id FROM lm_assignment WHERE complaint_id IN ("
            + String.join(", ", Collections.nCopies(complaintIds.size(), "?")) + ") AND manager_id = ?", rs -> rs.getLong(1),
            params.toArray()));
    }

    /**
     * Brand admins: who read which complainant's identity, and when, newest first ({@code ?complaintId=} for one
     * complaint). The log names the reader and the complaint, never the complainant.
     */
    ApiResult identityAccess(ApiCall call) {
        Callers.admin(call);
        Paging paging = Paging.of(call);
        Long complaint = call.query("complaintId") == null ? null : (long) call.intQuery("complaintId", 0, 1, Integer.MAX_VALUE);
        return ApiResult.ok(tx.inTransaction(c -> {
            if (complaint != null) {
                lookups.exists(c, call.brand().id(), complaint);
            }
            IdentityAccessLog.Page page = IdentityAccessLog.read(c, platform, call.brand().id(), complaint, paging.size(),
                paging.offset());
            return paging.answer(page.items(), page.total());
        }));
    }

    private static boolean assigned(Connection c, long complaintId, Caller caller) {
        return Sql.count(c, "SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND manager_id = ?", complaintId,
            caller.userId()) > 0;
    }
}
