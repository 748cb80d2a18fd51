package org.entraide.notifications.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.jdbc.Sql;

/**
 * A broadcast: a brand admin, or a store's manager for their own store, tells the followers of a topic or a store
 * something. It is recorded, then fanned out as notifications of kind {@code broadcast} through the same fan-out and
 * e-mail path as events' notifications: its first {@value FanOuts#CHUNK} followers in the request's transaction, the
 * others by the fan-out timer, which counts them into the broadcast's {@code recipients} as it goes.
 */
final class Broadcasts {
    static final int TITLE_MAX = 120;
    static final int MESSAGE_MAX = 1000;
    private static final String LINK = "/b/" + Draft.BRAND + "/me/notifications";
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String COLUMNS = "id, brand_id, target_type, target_key, title, message, author_id, created_at, "
        + "recipients, request_id";

    /**
     * The body of {@code POST .../notifications/broadcasts}. {@code requestId}, optional and chosen by the client (a
     * UUID, say), makes the request idempotent: sent again by the same author, it answers the broadcast it made first.
     */
    record Broadcast(String scope, String key, String title, String text, String requestId) {
        /** Cleaned through the platform's text door, or a 400 naming every wrong field. */
        Broadcast checked() {
            String t = org.entraide.api.text.Texts.clean(title, true);
            String m = org.entraide.api.text.Texts.clean(text, false);
            List<FieldError> errors = new ArrayList<>();
            if (scope == null || !Set.of("topic", "store").contains(scope)) {
                errors.add(new FieldError("scope", "must be topic or store"));
            }
            if (key == null || key.isBlank() || key.length() > 64) {
                errors.add(new FieldError("key", "required, 64 characters at most"));
            }
            if (t == null || t.isEmpty() || t.length() > TITLE_MAX) {
                errors.add(new FieldError("title", "required, " + TITLE_MAX + " characters at most"));
            }
            if (m == null || m.isEmpty() || m.length() > MESSAGE_MAX) {
                errors.add(new FieldError("text", "required, " + MESSAGE_MAX + " characters at most"));
            }
            if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
                errors.add(new FieldError("requestId", "1 to 64 letters, digits, '.', '_', ':' or '-'"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new Broadcast(scope, key.trim(), t, m, requestId);
        }
    }

    /** A recorded broadcast. */
    record Row(long id, long brandId, String scope, String key, String title, String text, long authorId, Instant createdAt,
               int recipients, String requestId) {
    }

    private final Transactions tx;
    private final NotificationStore store;
    private final FanOuts fanOuts;
    private final NotificationMailer mailer;
    private final Platform platform;
    private final Clock clock;

    Broadcasts(Transactions tx, NotificationStore store, FanOuts fanOuts, NotificationMailer mailer, Platform platform,
               Clock clock) {
        this.fanOuts = fanOuts;
        this.tx = tx;
        this.store = store;
        this.mailer = mailer;
        this.platform = platform;
        this.clock = clock;
    }

    ApiResult post(ApiCall call) {
        Caller me = staff(call);
        Broadcast b = call.body(Broadcast.class);
        if (b == null) {
            throw ProblemException.invalid("scope", "a body with scope, key, title and text is required");
        }
        Broadcast body = b.checked();
        if (body.requestId() != null) {
            Optional<Row> earlier = tx.inTransaction(c -> byRequest(c, me, body.requestId()));
            if (earlier.isPresent()) {
                return answer(call, same(earlier.get(), body));
            }
        }
        Row row;
        try {
            row = tx.inTransaction(c -> {
                mayBroadcastTo(c, me, body);
                Instant now = clock.instant();
                long id = Sql.insert(c, "INSERT INTO ntf_broadcast (brand_id, target_type, target_key, title, message, "
                    + "author_id, created_at, recipients, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)", me.brandId(),
                    body.scope(), body.key(), body.title(), body.text(), me.userId(), now, body.requestId());
                Row recorded = new Row(id, me.brandId(), body.scope(), body.key(), body.title(), body.text(), me.userId(), now,
                    0, body.requestId());
                int written = fanOut(c, recorded);
                Sql.update(c, "UPDATE ntf_broadcast SET recipients = ? WHERE id = ?", written, id);
                return new Row(id, me.brandId(), body.scope(), body.key(), body.title(), body.text(), me.userId(), now,
                    written, body.requestId());
            });
        } catch (RuntimeException e) {
            // the same request, sent twice at once: the one that committed first is the answer to both
            if (body.requestId() == null || !uniqueViolation(e)) {
                throw e;
            }
            Row first = tx.inTransaction(c -> byRequest(c, me, body.requestId())).orElseThrow(() -> e);
            return answer(call, same(first, body));
        }
        return answer(call, row);
    }

    private static ApiResult answer(ApiCall call, Row row) {
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/notifications/broadcasts/" + row.id(), view(row));
    }

    private static Optional<Row> byRequest(Connection c, Caller me, String requestId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM ntf_broadcast WHERE brand_id = ? AND author_id = ? AND request_id = ?",
            Broadcasts::row, me.brandId(), me.userId(), requestId);
    }

    /** The earlier broadcast of a request id, when the request is the same: a different one under its id is a 409. */
    private static Row same(Row earlier, Broadcast body) {
        if (!earlier.scope().equals(body.scope()) || !earlier.key().equals(body.key()) || !earlier.title().equals(body.title())
            || !earlier.text().equals(body.text())) {
            throw ProblemException.conflict("requestId " + body.requestId() + " was used for another broadcast");
        }
        return earlier;
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Sql.Failure f && f.isUniqueViolation()
                || t instanceof java.sql.SQLException sql && Sql.isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    ApiResult list(ApiCall call) {
        Brand brand = call.brand();
        Caller me = staff(call);
        if (!me.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
        int page = call.intQuery("page", 1, 1, 100_000);
        int size = call.intQuery("size", 20, 1, 100);
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Map<String, Object>> items = Sql.list(c, "SELECT " + COLUMNS + " FROM ntf_broadcast WHERE brand_id = ? "
                + "ORDER BY id DESC LIMIT ? OFFSET ?",
                Broadcasts::row, brand.id(), size, (long) (page - 1) * size).stream().map(Broadcasts::view).toList();
            long total = Sql.count(c, "SELECT COUNT(*) FROM ntf_broadcast WHERE brand_id = ?", brand.id());
            return Map.of("items", items, "page", page, "size", size, "total", total);
        }));
    }

    /**
     * The broadcast's notification for every follower of its topic or store (watching or tracking; not who muted it,
     * not its author), and the e-mails their channels ask for. Running it again for the same broadcast writes
     * nothing. @return notifications written
     */
    int fanOut(Connection c, Row b) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", b.title());
        params.put("message", b.text());
        Draft d = new Draft(b.brandId(), Kind.BROADCAST, -b.id(), "broadcast", b.id(), LINK, params, b.createdAt());
        int written = fanOuts.start(c, d, List.of(new Target(b.scope(), b.key())), List.of("watching", "tracking"),
            store.brandDefault(c, b.brandId(), Kind.BROADCAST), Set.of(b.authorId()), b.createdAt());
        mailer.afterEvent(c, -b.id(), clock.instant());
        return written;
    }

    /** Counts a chunk the fan-out timer wrote for a broadcast (its event id is the broadcast's, negated). */
    static void reached(Connection c, FanOuts.Step step) {
        if (step.kind() == Kind.BROADCAST && step.written() > 0) {
            Sql.update(c, "UPDATE ntf_broadcast SET recipients = recipients + ? WHERE id = ?", step.written(), -step.eventId());
        }
    }

    /**
     * Runs a recorded broadcast's fan-out again, as a recovery would: whoever already has it gets nothing more.
     * @return notifications written, 0 for an unknown broadcast
     */
    int replay(long id) {
        return tx.inTransaction(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM ntf_broadcast WHERE id = ?", Broadcasts::row, id)
            .map(b -> fanOut(c, b)).orElse(0));
    }

    /** A topic or a store of the caller's brand (404 otherwise); a store only for its own managers or a brand admin. */
    private void mayBroadcastTo(Connection c, Caller me, Broadcast b) {
        if ("topic".equals(b.scope())) {
            if (platform.brands().topicBySlug(c, me.brandId(), b.key()).isEmpty()) {
                throw ProblemException.notFound("no topic '" + b.key() + "'");
            }
            if (!me.has(Role.BRAND_ADMIN)) {
                throw ProblemException.forbidden("only brand admins broadcast to a topic");
            }
            return;
        }
        Store s = platform.stores().byCode(c, me.brandId(), b.key())
            .orElseThrow(() -> ProblemException.notFound("no store '" + b.key() + "'"));
        if (!me.has(Role.BRAND_ADMIN) && !me.storeIds().contains(s.id())) {
            throw ProblemException.forbidden("only the store's managers or brand admins broadcast to it");
        }
    }

    /** A brand admin or a store manager of the URL's brand. */
    private static Caller staff(ApiCall call) {
        Caller me = call.caller();
        Brand brand = call.brand();
        if (me.brandId() != brand.id() || !(me.has(Role.BRAND_ADMIN) || me.has(Role.STORE_MANAGER))) {
            throw ProblemException.forbidden("brand admins and store managers of " + brand.slug() + " only");
        }
        return me;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getLong(7), Sql.instant(rs, "created_at"), rs.getInt(9), rs.getString(10));
    }

    private static Map<String, Object> view(Row r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("scope", r.scope());
        out.put("key", r.key());
        out.put("title", r.title());
        out.put("text", r.text());
        out.put("createdAt", r.createdAt().toString());
        out.put("recipients", r.recipients());
        if (r.requestId() != null) {
            out.put("requestId", r.requestId());
        }
        return out;
    }
}
