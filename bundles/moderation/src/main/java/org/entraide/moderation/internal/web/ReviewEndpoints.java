package org.entraide.moderation.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.moderation.internal.Review;
import org.entraide.moderation.internal.store.Audit;

/**
 * Flags ({@code POST /posts/{id}/flags}, any member), the review queue, claims and decisions (moderators), the
 * audit log as JSON or CSV and the monthly transparency summary (moderators and brand admins).
 */
public final class ReviewEndpoints {
    private final Transactions tx;
    private final Review review;
    private final QueueView queue;
    private final Audit audit;
    private final Clock clock;
    private final org.entraide.moderation.internal.Sanctions sanctions;

    public ReviewEndpoints(Transactions tx, Review review, QueueView queue, Audit audit,
                           org.entraide.moderation.internal.Sanctions sanctions, Clock clock) {
        this.sanctions = sanctions;
        this.tx = tx;
        this.review = review;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    ApiResult flag(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send {\"reason\": ..., \"detail\": ...}");
        }
        String detail = body.hasNonNull("detail") ? body.get("detail").asText() : null;
        review.flag(caller, call.brand().id(), call.pathId("id"), body.path("reason").asText(""), detail);
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/posts/" + call.pathId("id"), Map.of("flagged", true));
    }

    ApiResult queue(ApiCall call) {
        moderator(call);
        String status = upper(call.query("status"), List.of("OPEN", "CLAIMED", "DECIDED"), "status");
        String source = upper(call.query("source"), List.of("HOLD", "FLAG", "REQUEST"), "source");
        int size = call.intQuery("size", 50, 1, 200);
        int page = call.intQuery("page", 1, 1, 10_000);
        return ApiResult.ok(Map.of("items", tx.inTransaction(c -> queue.list(c, call.brand(), status, source, size,
            (page - 1) * size))));
    }

    ApiResult claim(ApiCall call) {
        return ApiResult.ok(review.claim(moderator(call), call.brand().id(), call.pathId("id")));
    }

    ApiResult decide(ApiCall call) {
        Caller moderator = moderator(call);
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send {\"decision\": \"approve\"|\"reject\", \"reasonCode\": ..., "
                + "\"title\"?, \"body\"?}");
        }
        String reason = body.hasNonNull("reasonCode") ? body.get("reasonCode").asText() : null;
        Review.Correction correction = body.has("title") || body.has("body")
            ? new Review.Correction(text(body, "title"), text(body, "body")) : null;
        return ApiResult.ok(review.decide(moderator, call.brand().id(), call.pathId("id"), body.path("decision").asText(""),
            reason, correction));
    }

    /** A text field: absent or null is null; any other JSON than a string is refused rather than printed as text. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ProblemException.invalid(field, "a string");
        }
        return v.asText();
    }

    ApiResult audit(ApiCall call) {
        moderator(call);
        Instant from = instant(call.query("from"), Instant.EPOCH, "from");
        Instant to = instant(call.query("to"), clock.instant().plusSeconds(1), "to");
        String action = call.query("action");
        int limit = call.intQuery("limit", 1000, 1, 100_000);
        List<Audit.Entry> entries = tx.inTransaction(c -> audit.list(c, call.brand().id(), action, from, to, limit));
        if ("csv".equals(call.query("format"))) {
            StringBuilder csv = new StringBuilder("id,at,actor,action,post,reason,before,after\n");
            for (Audit.Entry e : entries) {
                csv.append(e.id()).append(',').append(e.at()).append(',').append(nz(e.actorId())).append(',')
                    .append(e.action()).append(',').append(nz(e.postId())).append(',').append(csvField(e.reason()))
                    .append(',').append(nz(e.before())).append(',').append(nz(e.after())).append('\n');
            }
            return ApiResult.text("text/csv; charset=UTF-8", csv.toString());
        }
        return ApiResult.ok(Map.of("entries", entries));
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
        Caller caller = call.caller();
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send {\"category\", \"detail\"?}");
        }
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        review.request(caller, call.brand().id(), call.pathId("id"), body.path("category").asText(""),
            body.hasNonNull("detail") ? body.get("detail").asText() : null);
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/queue", Map.of("requested", true));
    }

    ApiResult requestsPerStore(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return ApiResult.ok(Map.of("stores", review.requestsPerStore(call.brand().id())));
    }

    ApiResult sanction(ApiCall call) {
        Caller moderator = moderator(call);
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject() || !body.path("userId").canConvertToLong()) {
            throw ProblemException.badRequest("send {\"userId\", \"kind\", \"reason\", \"hours\"?}");
        }
        Long hours = body.hasNonNull("hours") ? body.get("hours").asLong() : null;
        var s = sanctions.impose(moderator, call.brand().id(), body.get("userId").asLong(), body.path("kind").asText(""),
            body.hasNonNull("reason") ? body.get("reason").asText() : null, hours);
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/sanctions?userId=" + s.userId(), s);
    }

    ApiResult sanctionsOf(ApiCall call) {
        moderator(call);
        long user = call.intQuery("userId", 0, 1, Integer.MAX_VALUE);
        return ApiResult.ok(Map.of("items", tx.inTransaction(c -> sanctions.of(c, call.brand().id(), user))));
    }

    ApiResult appeal(ApiCall call) {
        Caller member = call.caller();
        if (member.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject() || !body.path("id").canConvertToLong()) {
            throw ProblemException.badRequest("send {\"subject\": \"ITEM\"|\"SANCTION\", \"id\", \"statement\"}");
        }
        long id = sanctions.appeal(member, call.brand().id(), body.path("subject").asText(""), body.get("id").asLong(),
            body.hasNonNull("statement") ? body.get("statement").asText() : null);
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/appeals/" + id, Map.of("id", id));
    }

    /**
     * The caller's own moderation decisions of the last 14 days that an appeal may contest: their rejected posts
     * and their sanctions, each with whether it was already appealed. Any member, about themselves only.
     */
    ApiResult mine(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        Instant since = clock.instant().minus(java.time.Duration.ofDays(14));
        return ApiResult.ok(tx.inTransaction(c -> Map.of(
            "rejections", org.entraide.jdbc.Sql.list(c, "SELECT i.id, i.post_id, p.title, i.reason_code, i.decided_at, "
                + "(SELECT COUNT(*) FROM moderation_appeal a WHERE a.subject = 'ITEM' AND a.ref_id = i.id) FROM moderation_item i "
                + "JOIN post p ON p.id = i.post_id WHERE i.brand_id = ? AND p.author_id = ? AND i.decision = 'REJECTED' "
                + "AND i.decided_at >= ? ORDER BY i.decided_at DESC", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("itemId", rs.getLong(1));
                    m.put("postId", rs.getLong(2));
                    m.put("title", rs.getString(3));
                    m.put("reasonCode", rs.getString(4));
                    m.put("decidedAt", org.entraide.jdbc.Sql.instant(rs, "decided_at").toString());
                    m.put("appealed", rs.getLong(6) > 0);
                    return m;
                }, call.brand().id(), caller.userId(), since),
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

    /** Appeals waiting for a decision (or decided), oldest first, with the appellant's statement (moderators). */
    ApiResult appeals(ApiCall call) {
        moderator(call);
        String status = upper(call.query("status"), List.of("OPEN", "DECIDED"), "status");
        int size = call.intQuery("size", 50, 1, 200);
        return ApiResult.ok(Map.of("items", tx.inTransaction(c -> org.entraide.jdbc.Sql.list(c,
            "SELECT id, subject, ref_id, appellant_id, statement, created_at, decided_by, outcome, reason FROM moderation_appeal "
                + "WHERE brand_id = ? AND (decided_at IS NULL) = ? ORDER BY created_at, id LIMIT ?",
            rs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rs.getLong(1));
                m.put("subject", rs.getString(2));
                m.put("refId", rs.getLong(3));
                m.put("appellantId", rs.getLong(4));
                m.put("statement", rs.getString(5));
                m.put("createdAt", org.entraide.jdbc.Sql.instant(rs, "created_at").toString());
                m.put("decidedBy", org.entraide.jdbc.Sql.nullableLong(rs, "decided_by"));
                m.put("outcome", rs.getString(8));
                m.put("reason", rs.getString(9));
                return m;
            }, call.brand().id(), !"DECIDED".equals(status), size))));
    }

    ApiResult decideAppeal(ApiCall call) {
        Caller moderator = moderator(call);
        JsonNode body = call.body(JsonNode.class);
        String outcome = body == null ? "" : body.path("outcome").asText("");
        if (!outcome.equals("overturn") && !outcome.equals("uphold")) {
            throw ProblemException.invalid("outcome", "overturn or uphold");
        }
        return ApiResult.ok(sanctions.decideAppeal(moderator, call.brand().id(), call.pathId("id"), outcome.equals("overturn"),
            body.hasNonNull("reason") ? body.get("reason").asText() : null));
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
