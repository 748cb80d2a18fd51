package org.entraide.moderation.internal.web;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.PostType;
import org.entraide.api.model.Role;
import org.entraide.api.platform.PostFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.moderation.internal.Platform;
import org.entraide.moderation.internal.Review;
import org.entraide.moderation.internal.store.Audit;
import org.entraide.moderation.internal.store.ComplainantPrivacy;

/**
 * Flags ({@code POST /posts/{id}/flags}, any member), the review queue, claims and decisions (moderators), the
 * audit log as JSON or CSV and the monthly transparency summary (moderators and brand admins).
 */
public final class ReviewEndpoints {
    private final Transactions tx;
    private final Platform platform;
    private final Review review;
    private final QueueView queue;
    private final Audit audit;
    private final Clock clock;
    private final org.entraide.moderation.internal.Sanctions sanctions;
    private final ComplainantPrivacy privacy;

    public ReviewEndpoints(Transactions tx, Platform platform, Review review, QueueView queue, Audit audit,
                           org.entraide.moderation.internal.Sanctions sanctions, ComplainantPrivacy privacy, Clock clock) {
        this.privacy = privacy;
        this.sanctions = sanctions;
        this.tx = tx;
        this.platform = platform;
        this.review = review;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    ApiResult flag(ApiCall call) {
        Caller caller = member(call);
        Bodies.Flag body = call.body(Bodies.Flag.class);
        long id = call.pathId("id");
        review.flag(caller, call.brand().id(), id, body.reason(), body.detail());
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/posts/" + id, Map.of("flagged", true));
    }

    ApiResult queue(ApiCall call) {
        moderator(call);
        String status = upper(call.query("status"), List.of("OPEN", "CLAIMED", "DECIDED"), "status");
        String source = upper(call.query("source"), List.of("HOLD", "FLAG", "REQUEST", "MESSAGE"), "source");
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> paging.answer(queue.list(c, call.brand(), status, source, paging.size(),
            paging.offset()), queue.count(c, call.brand(), status, source))));
    }

    ApiResult claim(ApiCall call) {
        return ApiResult.ok(review.claim(moderator(call), call.brand().id(), call.pathId("id")));
    }

    ApiResult decide(ApiCall call) {
        Caller moderator = moderator(call);
        long id = call.pathId("id");
        Bodies.Decision body = call.body(Bodies.Decision.class);
        Review.Correction correction = body.title() != null || body.body() != null
            ? new Review.Correction(body.title(), body.body()) : null;
        return ApiResult.ok(review.decide(moderator, call.brand().id(), id, body.decision(), body.reasonCode(), correction));
    }

    /**
     * The audit log, newest first: a JSON page, or up to {@code limit} lines as CSV. An appellant's id next to their
     * complaint is left out unless the brand lets moderators see it, and then each showing is logged.
     */
    ApiResult audit(ApiCall call) {
        Caller reader = moderator(call);
        Instant from = instant(call.query("from"), Instant.EPOCH, "from");
        Instant to = instant(call.query("to"), clock.instant().plusSeconds(1), "to");
        String action = call.query("action");
        String format = call.query("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ProblemException.invalid("format", "csv or json");
        }
        boolean csv = "csv".equals(format);
        Paging paging = csv ? new Paging(1, 1) : Paging.of(call);
        int limit = csv ? call.intQuery("limit", 1000, 1, 100_000) : paging.size();
        long brand = call.brand().id();
        Map<String, Object> page = tx.inTransaction(c -> {
            boolean reveal = privacy.revealAllowed(c, brand);
            List<Audit.Entry> entries = audit.list(c, brand, action, from, to, limit, csv ? 0 : paging.offset(), reveal);
            for (Audit.Entry e : entries) {
                if (reveal && e.actorIsComplainant()) {
                    privacy.logged(c, brand, e.postId(), reader.userId(), "audit", clock.instant());
                }
            }
            return csv ? Map.of("entries", entries) : paging.answer(entries, audit.count(c, brand, action, from, to));
        });
        if (csv) {
            @SuppressWarnings("unchecked")
            List<Audit.Entry> entries = (List<Audit.Entry>) page.get("entries");
            StringBuilder out = new StringBuilder("id,at,actor,action,post,reason,before,after\n");
            for (Audit.Entry e : entries) {
                out.append(e.id()).append(',').append(e.at()).append(',').append(nz(e.actorId())).append(',')
                    .append(e.action()).append(',').append(nz(e.postId())).append(',').append(csvField(e.reason()))
                    .append(',').append(nz(e.before())).append(',').append(nz(e.after())).append('\n');
            }
            return ApiResult.text("text/csv; charset=UTF-8", out.toString());
        }
        return ApiResult.ok(page);
    }

    ApiResult transparency(ApiCall call) {
        moderator(call);
        YearMonth month;
        try {
            month = call.query("month") == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : YearMonth.parse(call.query("month"));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "a month such as 2026-11");
        }
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Map<String, Object>> rows = new ArrayList<>();
        tx.inTransaction(c -> audit.summary(c, call.brand().id(), from, to)).forEach(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", r[0]);
            m.put("reason", r[1]);
            m.put("count", r[2]);
            rows.add(m);
        });
        return ApiResult.ok(Map.of("month", month.toString(), "counts", rows));
    }

    ApiResult request(ApiCall call) {
        Caller caller = member(call);
        long id = call.pathId("id");
        Bodies.ModerationRequest body = call.body(Bodies.ModerationRequest.class);
        review.request(caller, call.brand().id(), id, body.category(), body.detail());
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/queue", Map.of("requested", true));
    }

    ApiResult requestsPerStore(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return ApiResult.ok(Paging.of(call).slice(review.requestsPerStore(call.brand().id())));
    }

    ApiResult sanction(ApiCall call) {
        Caller moderator = moderator(call);
        Bodies.Sanction body = call.body(Bodies.Sanction.class);
        var s = sanctions.impose(moderator, call.brand().id(), body.userId(), body.kind(), body.reason(), body.hours());
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/sanctions?userId=" + s.userId(), s);
    }

    /** A member's sanctions ({@code ?userId=}, required): 404 for an id that is no member of the brand. */
    ApiResult sanctionsOf(ApiCall call) {
        moderator(call);
        if (call.query("userId") == null) {
            throw ProblemException.invalid("userId", "required: the member whose sanctions to list");
        }
        long user = call.intQuery("userId", 0, 1, Integer.MAX_VALUE);
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            if (platform.members().member(c, call.brand().id(), user).isEmpty()) {
                throw ProblemException.notFound("no member " + user);
            }
            return paging.slice(sanctions.of(c, call.brand().id(), user));
        }));
    }

    ApiResult appeal(ApiCall call) {
        Caller member = member(call);
        Bodies.Appeal body = call.body(Bodies.Appeal.class);
        long id = sanctions.appeal(member, call.brand().id(), body.subject(), body.id(), body.statement());
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/appeals/" + id, Map.of("id", id));
    }

    /**
     * The caller's own moderation decisions of the last 14 days that an appeal may contest: their rejected posts
     * and their sanctions, each with whether it was already appealed. Any member, about themselves only.
     */
    ApiResult mine(ApiCall call) {
        Caller caller = member(call);
        Instant since = clock.instant().minus(java.time.Duration.ofDays(14));
        return ApiResult.ok(tx.inTransaction(c -> Map.of(
            "rejections", rejections(c, call.brand().id(), caller.userId(), since),
            "sanctions", org.entraide.jdbc.Sql.list(c, "SELECT s.id, s.kind, s.reason, s.starts_at, s.ends_at, s.lifted_at, "
                + "(SELECT COUNT(*) FROM moderation_appeal a WHERE a.subject = 'SANCTION' AND a.ref_id = s.id) FROM moderation_sanction s "
                + "WHERE s.brand_id = ? AND s.user_id = ? AND s.starts_at >= ? ORDER BY s.starts_at DESC", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("sanctionId", rs.getLong(1));
                    m.put("kind", rs.getString(2));
                    m.put("reason", rs.getString(3));
                    m.put("startsAt", org.entraide.jdbc.Sql.instant(rs, "starts_at").toString());
                    Instant ends = org.entraide.jdbc.Sql.instant(rs, "ends_at");
                    m.put("endsAt", ends == null ? null : ends.toString());
                    m.put("lifted", rs.getObject(6) != null);
                    m.put("appealed", rs.getLong(7) > 0);
                    return m;
                }, call.brand().id(), caller.userId(), since))));
    }

    /** The author's posts rejected since then, newest first: the brand's recent rejections, kept when theirs. */
    private List<Map<String, Object>> rejections(Connection c, long brand, long author, Instant since) {
        List<Map<String, Object>> out = new ArrayList<>();
        org.entraide.jdbc.Sql.list(c, "SELECT i.id, i.post_id, i.reason_code, i.decided_at, "
            + "(SELECT COUNT(*) FROM moderation_appeal a WHERE a.subject = 'ITEM' AND a.ref_id = i.id) FROM moderation_item i "
            + "WHERE i.brand_id = ? AND i.decision = 'REJECTED' AND i.decided_at >= ? ORDER BY i.decided_at DESC", rs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("itemId", rs.getLong(1));
                m.put("postId", rs.getLong(2));
                m.put("title", null);
                m.put("reasonCode", rs.getString(3));
                m.put("decidedAt", org.entraide.jdbc.Sql.instant(rs, "decided_at").toString());
                m.put("appealed", rs.getLong(5) > 0);
                return m;
            }, brand, since).forEach(m -> platform.posts().post(c, brand, (Long) m.get("postId"))
                .filter(p -> p.authorId() == author).ifPresent(p -> {
                    m.put("title", p.title());
                    out.add(m);
                }));
        return out;
    }

    /**
     * Appeals waiting for a decision (or decided), oldest first, with the appellant's statement (moderators). The
     * appellant's id is left out of an appeal about a complaint, unless the brand lets moderators see it: then each
     * showing is logged, as the assigned manager's readings are.
     */
    ApiResult appeals(ApiCall call) {
        Caller reader = moderator(call);
        String status = upper(call.query("status"), List.of("OPEN", "DECIDED"), "status");
        Paging paging = Paging.of(call);
        long brand = call.brand().id();
        boolean open = !"DECIDED".equals(status);
        return ApiResult.ok(tx.inTransaction(c -> {
            boolean reveal = privacy.revealAllowed(c, brand);
            List<Map<String, Object>> items = org.entraide.jdbc.Sql.list(c, "SELECT a.id, a.subject, a.ref_id, a.appellant_id, "
                + "a.statement, a.created_at, a.decided_by, a.outcome, a.reason, i.post_id FROM moderation_appeal a "
                + "LEFT JOIN moderation_item i ON a.subject = 'ITEM' AND i.id = a.ref_id "
                + "WHERE a.brand_id = ? AND (a.decided_at IS NULL) = ? ORDER BY a.created_at, a.id LIMIT ? OFFSET ?",
                rs -> {
                    Long post = org.entraide.jdbc.Sql.nullableLong(rs, "post_id");
                    Long complaint = post == null ? null : platform.posts().post(c, brand, post)
                        .filter(p -> p.type() == PostType.COMPLAINT).map(PostFacts::id).orElse(null);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("subject", rs.getString(2));
                    m.put("refId", rs.getLong(3));
                    if (complaint == null || reveal) {
                        m.put("appellantId", rs.getLong(4));
                    }
                    m.put("aboutComplaint", complaint != null);
                    m.put("statement", rs.getString(5));
                    m.put("createdAt", org.entraide.jdbc.Sql.instant(rs, "created_at").toString());
                    m.put("decidedBy", org.entraide.jdbc.Sql.nullableLong(rs, "decided_by"));
                    m.put("outcome", rs.getString(8));
                    m.put("reason", rs.getString(9));
                    if (complaint != null && reveal) {
                        privacy.logged(c, brand, complaint, reader.userId(), "appeal", clock.instant());
                    }
                    return m;
                }, brand, open, paging.size(), paging.offset());
            return paging.answer(items, org.entraide.jdbc.Sql.count(c, "SELECT COUNT(*) FROM moderation_appeal WHERE brand_id = ? "
                + "AND (decided_at IS NULL) = ?", brand, open));
        }));
    }

    ApiResult decideAppeal(ApiCall call) {
        Caller moderator = moderator(call);
        long id = call.pathId("id");
        Bodies.AppealDecision body = call.body(Bodies.AppealDecision.class);
        if (!body.outcome().equals("overturn") && !body.outcome().equals("uphold")) {
            throw ProblemException.invalid("outcome", "overturn or uphold");
        }
        return ApiResult.ok(sanctions.decideAppeal(moderator, call.brand().id(), id, body.outcome().equals("overturn"),
            body.reason()));
    }

    /** The brand's choice on complainants' identity in appeals (moderators and brand admins read it). */
    ApiResult settings(ApiCall call) {
        moderator(call);
        return ApiResult.ok(tx.inTransaction(c -> Map.of("revealComplainantsInAppeals", privacy.revealAllowed(c, call.brand().id()))));
    }

    /** Brand admins only: whether moderators deciding appeals may see who appealed about a complaint (logged). */
    ApiResult setSettings(ApiCall call) {
        admin(call);
        boolean reveal = call.body(Bodies.Settings.class).revealComplainantsInAppeals();
        return ApiResult.ok(tx.inTransaction(c -> {
            privacy.allowReveal(c, call.brand().id(), reveal);
            return Map.of("revealComplainantsInAppeals", reveal);
        }));
    }

    /** Brand admins: each time moderation showed a complaint's author to someone, newest first. */
    ApiResult identityAccess(ApiCall call) {
        admin(call);
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> paging.answer(privacy.read(c, call.brand().id(), paging.size(),
            paging.offset()), privacy.count(c, call.brand().id()))));
    }

    private static Caller member(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        return caller;
    }

    private static Caller admin(ApiCall call) {
        Caller caller = member(call);
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return caller;
    }

    static Caller moderator(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !(caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN))) {
            throw ProblemException.forbidden("moderators and brand admins of " + call.brand().slug() + " only");
        }
        return caller;
    }

    private static String upper(String raw, List<String> allowed, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ProblemException.invalid(name, "one of " + allowed);
        }
        return v;
    }

    private static Instant instant(String raw, Instant fallback, String name) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Quoted, with quotes doubled, and a leading formula character neutralised (CSV injection in spreadsheets). */
    static String csvField(String s) {
        if (s == null) {
            return "";
        }
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
