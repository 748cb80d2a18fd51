package org.entraide.localmanagers.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.localmanagers.internal.Rankings;
import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.localmanagers.internal.store.Timeline;
import org.entraide.jdbc.Sql;

/**
 * The manager's profile and inbox, the complaint's public timeline, the complainant's e-mail for the assigned
 * manager (every access logged), store and region settings for brand admins, absences, and the public rankings.
 */
public final class ManagerEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions tx;
    private final StoreSettings stores;
    private final Timeline timeline;
    private final Rankings rankings;
    private final Clock clock;
    private final org.entraide.localmanagers.internal.Routing routing;
    private final org.entraide.api.event.EventLog events;
    private volatile Rankings.Formula formula;

    public ManagerEndpoints(Transactions tx, org.entraide.api.event.EventLog events, StoreSettings stores, Timeline timeline,
                            Rankings rankings, org.entraide.localmanagers.internal.Routing routing, Rankings.Formula formula,
                            Clock clock) {
        this.events = events;
        this.routing = routing;
        this.tx = tx;
        this.stores = stores;
        this.timeline = timeline;
        this.rankings = rankings;
        this.formula = formula;
        this.clock = clock;
    }

    public void use(Rankings.Formula f) {
        this.formula = f;
    }

    ApiResult me(ApiCall call) {
        Caller caller = member(call);
        return ApiResult.ok(tx.inTransaction(c -> Map.of("userId", caller.userId(),
            "stores", Sql.list(c, "SELECT s.code FROM store s WHERE s.brand_id = ? AND (s.id IN (SELECT store_id FROM store_manager "
                + "WHERE user_id = ?) OR s.id IN (SELECT store_id FROM lm_store_manager WHERE user_id = ?)) ORDER BY s.code",
                rs -> rs.getString(1), call.brand().id(), caller.userId(), caller.userId()),
            "regions", Sql.list(c, "SELECT r.code FROM lm_region r JOIN lm_region_manager m ON m.region_id = r.id "
                + "WHERE r.brand_id = ? AND m.user_id = ? ORDER BY r.code", rs -> rs.getString(1), call.brand().id(),
                caller.userId()))));
    }

    /** Complaints assigned to the caller, and those escalated to a region they manage, soonest deadline first. */
    ApiResult inbox(ApiCall call) {
        Caller caller = member(call);
        Instant now = clock.instant();
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Map<String, Object>> items = new ArrayList<>();
            Sql.list(c, "SELECT a.complaint_id, a.store_id, a.level, a.due_at, a.responded_at, p.title, p.complaint_status, s.code "
                + "FROM lm_assignment a JOIN post p ON p.id = a.complaint_id JOIN store s ON s.id = a.store_id "
                + "WHERE a.brand_id = ? AND (a.manager_id = ? OR (a.level <> 'STORE' AND a.store_id IN (SELECT st.store_id "
                + "FROM lm_store st JOIN lm_region_manager m ON m.region_id = st.region_id WHERE m.user_id = ?))) "
                + "ORDER BY a.responded_at NULLS FIRST, a.due_at", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    long storeId = rs.getLong("store_id");
                    Instant due = Sql.instant(rs, "due_at");
                    m.put("complaintId", rs.getLong("complaint_id"));
                    m.put("title", rs.getString("title"));
                    m.put("store", rs.getString("code"));
                    m.put("status", rs.getString("complaint_status"));
                    m.put("level", rs.getString("level"));
                    m.put("dueAt", due.toString());
                    boolean answered = rs.getObject("responded_at") != null;
                    OpeningHours h = stores.hours(c, storeId);
                    Duration left = answered ? Duration.ZERO : now.isBefore(due) ? h.openingBetween(now, due)
                        : h.openingBetween(due, now).negated();
                    m.put("openingMinutesLeft", left.toMinutes());
                    m.put("late", !answered && now.isAfter(due));
                    items.add(m);
                    return null;
                }, call.brand().id(), caller.userId(), caller.userId());
            return Map.of("items", items);
        }));
    }

    ApiResult timeline(ApiCall call) {
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            complaintOf(c, call.brand().id(), id);
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("complaintId", id);
            out.put("steps", timeline.of(c, id));
            // the deadline the complainant can expect a first response by, while none came
            Sql.one(c, "SELECT due_at, level FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NULL",
                rs -> Map.of("dueAt", Sql.instant(rs, "due_at").toString(), "level", rs.getString(2)), id)
                .ifPresent(d -> out.put("deadline", d));
            return out;
        }));
    }

    ApiResult complainant(ApiCall call) {
        Caller caller = member(call);
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            complaintOf(c, call.brand().id(), id);
            long assigned = Sql.count(c, "SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND manager_id = ?", id,
                caller.userId());
            if (assigned == 0) {
                throw ProblemException.forbidden("only the manager the complaint is assigned to sees who filed it");
            }
            String email = Sql.one(c, "SELECT u.email FROM post p JOIN app_user u ON u.id = p.author_id WHERE p.id = ?",
                rs -> rs.getString(1), id).orElseThrow();
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
     * Private messages on a complaint, between its complainant and the manager it is assigned to (or brand
     * admins): the manager asks for details, the complainant answers. Never public. With the moderation plugin,
     * both directions go through its rules (redaction, censoring, sanctions) before they are stored.
     */
    ApiResult postMessage(ApiCall call) {
        Caller caller = member(call);
        long id = call.pathId("id");
        String text = object(call).path("body").asText("");
        if (text.isBlank() || text.length() > 2000) {
            throw ProblemException.invalid("body", "required, at most 2000 characters");
        }
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/complaints/" + id + "/messages",
            tx.inTransaction(c -> {
                boolean manager = party(c, call.brand().id(), id, caller);
                PrivateMessageRules rules = messageRules;
                String stored = rules == null ? text : rules.check(call.brand().id(), caller, text);
                long msg = Sql.insert(c, "INSERT INTO lm_message (complaint_id, author_id, body, created_at) VALUES (?, ?, ?, ?)",
                    id, caller.userId(), stored, clock.instant());
                events.append(c, org.entraide.api.event.NewEvent.of(call.brand().id(),
                    manager ? org.entraide.api.localmanagers.LocalManagerEvents.DETAILS_REQUESTED
                        : org.entraide.api.localmanagers.LocalManagerEvents.DETAILS_GIVEN, caller.userId(),
                    org.entraide.api.event.EventTypes.SUBJECT_POST, id, Map.of("complaintId", id, "messageId", msg)));
                return Map.of("id", msg);
            }));
    }

    ApiResult messages(ApiCall call) {
        Caller caller = member(call);
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            party(c, call.brand().id(), id, caller);
            return Map.of("items", Sql.list(c, "SELECT id, author_id, body, created_at FROM lm_message WHERE complaint_id = ? "
                + "ORDER BY id", rs -> Map.of("id", rs.getLong(1), "fromStore", rs.getLong(2) != authorOf(c, id),
                    "body", rs.getString(3), "at", Sql.instant(rs, "created_at").toString()), id));
        }));
    }

    /** True for the assigned manager or a brand admin, false for the complainant; 403 for anyone else. */
    private static boolean party(java.sql.Connection c, long brandId, long complaintId, Caller caller) {
        complaintOf(c, brandId, complaintId);
        if (caller.userId() == authorOf(c, complaintId)) {
            return false;
        }
        boolean assigned = Sql.count(c, "SELECT COUNT(*) FROM lm_assignment WHERE complaint_id = ? AND manager_id = ?",
            complaintId, caller.userId()) > 0;
        if (!assigned && !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only the complainant and the manager the complaint is assigned to");
        }
        return true;
    }

    private static long authorOf(java.sql.Connection c, long complaintId) {
        return Sql.one(c, "SELECT author_id FROM post WHERE id = ?", rs -> rs.getLong(1), complaintId).orElseThrow();
    }

    ApiResult delegate(ApiCall call) {
        Caller caller = member(call);
        JsonNode body = object(call);
        String reason = reason(body);
        String store = body.path("storeCode").asText("");
        if (store.isBlank()) {
            throw ProblemException.invalid("storeCode", "the store to pass the complaint to");
        }
        routing.delegate(call.brand().id(), call.pathId("id"), caller.userId(), caller.has(Role.BRAND_ADMIN), store, reason);
        return ApiResult.ok(Map.of("complaintId", call.pathId("id"), "storeCode", store));
    }

    ApiResult handOver(ApiCall call) {
        Caller caller = member(call);
        routing.handOver(call.brand().id(), call.pathId("id"), caller.userId(), caller.has(Role.BRAND_ADMIN), reason(object(call)));
        return ApiResult.ok(Map.of("complaintId", call.pathId("id"), "level", "CENTRAL"));
    }

    /** For the central team (brand admins): late complaints, escalations, stores by score, and monthly trends. */
    ApiResult dashboard(ApiCall call) {
        admin(call);
        Instant now = clock.instant();
        long brand = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("late", Sql.list(c, "SELECT a.complaint_id, s.code, a.level, a.due_at FROM lm_assignment a JOIN store s "
                + "ON s.id = a.store_id WHERE a.brand_id = ? AND a.responded_at IS NULL AND a.due_at < ? ORDER BY a.due_at LIMIT 200",
                rs -> Map.of("complaintId", rs.getLong(1), "store", rs.getString(2), "level", rs.getString(3),
                    "dueAt", Sql.instant(rs, "due_at").toString()), brand, now));
            Map<String, Long> levels = new LinkedHashMap<>();
            Sql.list(c, "SELECT level, COUNT(*) FROM lm_assignment WHERE brand_id = ? AND responded_at IS NULL GROUP BY level",
                rs -> levels.put(rs.getString(1), rs.getLong(2)), brand);
            out.put("openByLevel", levels);
            out.put("stores", rankings.stores(c, brand, now.minus(Duration.ofDays(365)), now.plusSeconds(1), formulaOf(c, brand)));
            Map<String, long[]> months = new java.util.TreeMap<>();
            Sql.list(c, "SELECT filed_at, due_at, responded_at FROM lm_assignment WHERE brand_id = ? AND filed_at >= ?", rs -> {
                Instant filed = Sql.instant(rs, "filed_at");
                Instant responded = Sql.instant(rs, "responded_at");
                long[] m = months.computeIfAbsent(filed.toString().substring(0, 7), k -> new long[3]);
                m[0]++;
                if (responded != null) {
                    m[1]++;
                    if (!responded.isAfter(Sql.instant(rs, "due_at"))) {
                        m[2]++;
                    }
                }
                return null;
            }, brand, now.minus(Duration.ofDays(365)));
            List<Map<String, Object>> trend = new ArrayList<>();
            months.forEach((k, v) -> trend.add(Map.of("month", k, "filed", v[0], "answered", v[1], "onTime", v[2])));
            out.put("trend", trend);
            return out;
        }));
    }

    private static String reason(JsonNode body) {
        String reason = body.path("reason").asText("");
        if (reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", "required, at most 500 characters");
        }
        return reason;
    }

    ApiResult storeSettings(ApiCall call) {
        admin(call);
        String code = call.path("code");
        JsonNode body = object(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            long storeId = Sql.one(c, "SELECT id FROM store WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1),
                call.brand().id(), code).orElseThrow(() -> ProblemException.notFound("no store '" + code + "'"));
            OpeningHours hours;
            try {
                hours = StoreSettings.parse(body.path("timeZone").asText("Europe/Paris"),
                    JSON.convertValue(body.path("hours"), new TypeReference<Map<String, List<String>>>() { }),
                    body.has("closures") ? JSON.convertValue(body.get("closures"), new TypeReference<List<String>>() { })
                        : List.of());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("hours", e.getMessage());
            }
            Long region = null;
            if (body.hasNonNull("region")) {
                String r = body.get("region").asText();
                region = Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1),
                    call.brand().id(), r).orElseThrow(() -> ProblemException.invalid("region", "no region '" + r + "'"));
            }
            stores.save(c, call.brand().id(), storeId, hours, region);
            if (body.has("managers")) {
                Sql.update(c, "DELETE FROM lm_store_manager WHERE store_id = ?", storeId);
                int rank = 0;
                for (JsonNode m : body.get("managers")) {
                    long user = m.asLong();
                    if (Sql.count(c, "SELECT COUNT(*) FROM store_manager WHERE store_id = ? AND user_id = ?", storeId, user) == 0) {
                        throw ProblemException.invalid("managers", "user " + user + " is not a manager of store " + code);
                    }
                    Sql.update(c, "INSERT INTO lm_store_manager (store_id, user_id, rank_no) VALUES (?, ?, ?)", storeId, user,
                        rank++);
                }
            }
            return Map.of("store", code, "timeZone", hours.zone().getId());
        }));
    }

    /** {@code {"csv": "..."}}: every line valid or nothing imported (422 with the rejected lines). */
    ApiResult importStores(ApiCall call) {
        admin(call);
        JsonNode body = object(call);
        if (!body.path("csv").isTextual()) {
            throw ProblemException.invalid("csv", "the CSV text, header first: " + StoreImport.HEADER);
        }
        return ApiResult.ok(tx.inTransaction(c -> new StoreImport(stores).run(c, call.brand().id(), body.get("csv").asText())));
    }

    ApiResult exportStores(ApiCall call) {
        admin(call);
        return ApiResult.text("text/csv; charset=UTF-8", tx.inTransaction(c -> new StoreImport(stores).export(c, call.brand().id())));
    }

    /** Stores by city or postal code ({@code q}), or nearest first from coordinates ({@code lat}, {@code lon}). Public. */
    ApiResult searchStores(ApiCall call) {
        String q = call.query("q");
        String lat = call.query("lat");
        String lon = call.query("lon");
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Map<String, Object>> found = new ArrayList<>();
            if (lat != null && lon != null) {
                double la;
                double lo;
                try {
                    la = Double.parseDouble(lat);
                    lo = Double.parseDouble(lon);
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("lat", "coordinates in decimal degrees");
                }
                if (Math.abs(la) > 90 || Math.abs(lo) > 180) {
                    throw ProblemException.invalid("lat", "latitude within ±90, longitude within ±180");
                }
                Sql.list(c, "SELECT code, name, city, postal_code, latitude, longitude FROM store WHERE brand_id = ? "
                    + "AND latitude IS NOT NULL AND longitude IS NOT NULL", rs -> found.add(store(rs,
                        km(la, lo, rs.getDouble(5), rs.getDouble(6)))), call.brand().id());
                found.sort(java.util.Comparator.comparingDouble(m -> (Double) m.get("distanceKm")));
            } else if (q != null && !q.isBlank() && q.length() <= 100) {
                String like = "%" + q.trim().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
                Sql.list(c, "SELECT code, name, city, postal_code, latitude, longitude FROM store WHERE brand_id = ? "
                    + "AND (LOWER(city) LIKE ? OR postal_code LIKE ? OR LOWER(name) LIKE ?) ORDER BY city, code",
                    rs -> found.add(store(rs, null)), call.brand().id(), like, like, like);
            } else {
                throw ProblemException.invalid("q", "a city, a postal code or a name (1 to 100 characters), or lat and lon");
            }
            return Map.of("items", found.subList(0, Math.min(20, found.size())));
        }));
    }

    private static Map<String, Object> store(java.sql.ResultSet rs, Double km) throws java.sql.SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", rs.getString(1));
        m.put("name", rs.getString(2));
        m.put("city", rs.getString(3));
        m.put("postalCode", rs.getString(4));
        if (km != null) {
            m.put("distanceKm", Math.round(km * 10) / 10.0);
        }
        return m;
    }

    /** Great-circle distance (haversine), in kilometres. */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    ApiResult region(ApiCall call) {
        admin(call);
        String code = call.path("code");
        JsonNode body = object(call);
        String name = body.path("name").asText("");
        if (name.isBlank() || name.length() > 120 || code.length() > 32) {
            throw ProblemException.invalid("name", "required, at most 120 characters");
        }
        return ApiResult.ok(tx.inTransaction(c -> {
            long id = Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1),
                call.brand().id(), code).orElseGet(() -> Sql.insert(c,
                    "INSERT INTO lm_region (brand_id, code, name) VALUES (?, ?, ?)", call.brand().id(), code, name));
            Sql.update(c, "UPDATE lm_region SET name = ? WHERE id = ?", name, id);
            Sql.update(c, "DELETE FROM lm_region_manager WHERE region_id = ?", id);
            for (JsonNode m : body.path("managers")) {
                if (Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE id = ? AND brand_id = ?", m.asLong(), call.brand().id()) == 0) {
                    throw ProblemException.invalid("managers", "no member " + m.asLong() + " in this brand");
                }
                Sql.update(c, "INSERT INTO lm_region_manager (region_id, user_id) VALUES (?, ?)", id, m.asLong());
            }
            return Map.of("region", code, "name", name);
        }));
    }

    /** An absence of the caller (or, for brand admins, of any manager): their complaints go to a backup meanwhile. */
    ApiResult absence(ApiCall call) {
        Caller caller = member(call);
        JsonNode body = object(call);
        long user = body.hasNonNull("userId") ? body.get("userId").asLong() : caller.userId();
        if (user != caller.userId() && !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("managers declare their own absences; brand admins anyone's");
        }
        Instant from = instant(body, "from");
        Instant to = instant(body, "to");
        if (!to.isAfter(from) || Duration.between(from, to).toDays() > 366) {
            throw ProblemException.invalid("to", "after 'from', within a year");
        }
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/managers/me", tx.inTransaction(c ->
            Map.of("id", Sql.insert(c, "INSERT INTO lm_absence (user_id, from_time, to_time) VALUES (?, ?, ?)", user, from, to))));
    }

    ApiResult storeRanking(ApiCall call) {
        Instant[] p = period(call);
        return ApiResult.ok(tx.inTransaction(c -> Map.of("period", call.query("period") == null ? "12m" : call.query("period"),
            "formula", formulaOf(c, call.brand().id()), "stores", rankings.stores(c, call.brand().id(), p[0], p[1],
                formulaOf(c, call.brand().id())))));
    }

    ApiResult brandRanking(ApiCall call) {
        Instant[] p = period(call);
        return ApiResult.ok(tx.inTransaction(c -> Map.of("period", call.query("period") == null ? "12m" : call.query("period"),
            "formula", formulaOf(c, call.brand().id()), "brand", rankings.brand(c, call.brand().id(), p[0], p[1],
                formulaOf(c, call.brand().id())))));
    }

    private Instant[] period(ApiCall call) {
        String raw = call.query("period") == null ? "12m" : call.query("period");
        Instant now = clock.instant();
        Duration span = switch (raw) {
            case "30d" -> Duration.ofDays(30);
            case "6m" -> Duration.ofDays(183);
            case "12m" -> Duration.ofDays(365);
            default -> throw ProblemException.invalid("period", "30d, 6m or 12m");
        };
        return new Instant[] {now.minus(span), now.plusSeconds(1)};
    }

    private static void complaintOf(java.sql.Connection c, long brandId, long id) {
        if (Sql.count(c, "SELECT COUNT(*) FROM post WHERE id = ? AND brand_id = ? AND post_type = 'COMPLAINT' "
            + "AND publication = 'PUBLISHED'", id, brandId) == 0) {
            throw ProblemException.notFound("no complaint " + id);
        }
    }

    private static Instant instant(JsonNode body, String field) {
        try {
            return Instant.parse(body.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        }
    }

    private static JsonNode object(ApiCall call) {
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send a JSON object");
        }
        return body;
    }

    private static Caller member(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id()) {
            throw ProblemException.forbidden("members of " + call.brand().slug() + " only");
        }
        return caller;
    }

    /** The brand's deadlines in opening hours: its own, or the configured defaults ({@code "own": false}). */
    ApiResult deadlines(ApiCall call) {
        return ApiResult.ok(tx.inTransaction(c -> deadlinesView(c, call.brand().id())));
    }

    /** Sets the brand's deadlines ({@code null} for both: back to the defaults); from then on, not for complaints already routed. */
    ApiResult setDeadlines(ApiCall call) {
        admin(call);
        JsonNode body = object(call);
        JsonNode first = body.path("firstResponseHours");
        JsonNode region = body.path("regionHours");
        return ApiResult.ok(tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM lm_brand_deadline WHERE brand_id = ?", call.brand().id());
            if (!(first.isNull() || first.isMissingNode()) || !(region.isNull() || region.isMissingNode())) {
                var defaults = routing.defaults();
                int f = hours(first, "firstResponseHours", (int) defaults.firstResponse().toHours());
                int r = hours(region, "regionHours", (int) defaults.regionTime().toHours());
                Sql.update(c, "INSERT INTO lm_brand_deadline (brand_id, first_response_hours, region_hours) VALUES (?, ?, ?)",
                    call.brand().id(), f, r);
            }
            return deadlinesView(c, call.brand().id());
        }));
    }

    private static int hours(JsonNode value, String field, int fallback) {
        if (value.isNull() || value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > 24 * 30) {
            throw ProblemException.invalid(field, "whole opening hours, from 1 to 720");
        }
        return value.asInt();
    }

    private Map<String, Object> deadlinesView(java.sql.Connection c, long brandId) {
        var s = routing.settingsOf(c, brandId);
        boolean own = Sql.count(c, "SELECT COUNT(*) FROM lm_brand_deadline WHERE brand_id = ?", brandId) > 0;
        return Map.of("firstResponseHours", s.firstResponse().toHours(), "regionHours", s.regionTime().toHours(), "own", own);
    }

    /** The brand's ranking formula: its own when its admin set one, the configured one otherwise. */
    private Rankings.Formula formulaOf(java.sql.Connection c, long brandId) {
        return Sql.one(c, "SELECT w_response, w_rating, w_resolution, w_buy_again, min_evaluated FROM lm_brand_formula "
            + "WHERE brand_id = ?", rs -> new Rankings.Formula(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                rs.getInt(5)), brandId).orElse(formula);
    }

    ApiResult rankingFormula(ApiCall call) {
        return ApiResult.ok(tx.inTransaction(c -> formulaView(c, call.brand().id())));
    }

    /**
     * Sets the brand's published formula: {@code {"response", "rating", "resolution", "buyAgain", "minEvaluated"}},
     * weights from 0 to 1 summing to 1; {@code {}} goes back to the configured one. Rankings use it from then on.
     */
    ApiResult setRankingFormula(ApiCall call) {
        admin(call);
        JsonNode body = object(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM lm_brand_formula WHERE brand_id = ?", call.brand().id());
            if (body.size() > 0) {
                Rankings.Formula f;
                try {
                    f = new Rankings.Formula(weight(body, "response"), weight(body, "rating"), weight(body, "resolution"),
                        weight(body, "buyAgain"), body.path("minEvaluated").isIntegralNumber() ? body.get("minEvaluated").asInt() : 0);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("response", e.getMessage());
                }
                Sql.update(c, "INSERT INTO lm_brand_formula (brand_id, w_response, w_rating, w_resolution, w_buy_again, min_evaluated) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", call.brand().id(), f.response(), f.rating(), f.resolution(), f.buyAgain(),
                    f.minEvaluated());
            }
            return formulaView(c, call.brand().id());
        }));
    }

    private static double weight(JsonNode body, String field) {
        if (!body.path(field).isNumber()) {
            throw ProblemException.invalid(field, "a weight from 0 to 1");
        }
        return body.get(field).asDouble();
    }

    private Map<String, Object> formulaView(java.sql.Connection c, long brandId) {
        boolean own = Sql.count(c, "SELECT COUNT(*) FROM lm_brand_formula WHERE brand_id = ?", brandId) > 0;
        return Map.of("formula", formulaOf(c, brandId), "own", own);
    }

    private static Caller admin(ApiCall call) {
        Caller caller = member(call);
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + call.brand().slug() + " only");
        }
        return caller;
    }
}
