package org.entraide.localmanagers.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.entraide.api.model.Role;
import org.entraide.api.model.Store;
import org.entraide.api.platform.ComplaintFacts;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.localmanagers.internal.Rankings;
import org.entraide.localmanagers.internal.hours.OpeningHours;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.jdbc.Sql;

/**
 * The manager's profile and inbox, the complaint's public timeline, delegation and hand-over, store and region
 * settings for brand admins, absences, deadlines and the public rankings. Every id of a request is resolved inside
 * the URL's brand ({@link Complaints}): another brand's is a 404, and nothing changes.
 */
public final class ManagerEndpoints {
    private final Transactions tx;
    private final StoreSettings stores;
    private final org.entraide.localmanagers.internal.store.Timeline timeline;
    private final Rankings rankings;
    private final Clock clock;
    private final org.entraide.localmanagers.internal.Routing routing;
    private volatile Rankings.Formula formula;

    private final Lookups lookups;

    public ManagerEndpoints(Transactions tx, StoreSettings stores, org.entraide.localmanagers.internal.store.Timeline timeline,
                            Rankings rankings, org.entraide.localmanagers.internal.Routing routing, Rankings.Formula formula,
                            Lookups lookups, Clock clock) {
        this.lookups = lookups;
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
        Caller caller = Callers.member(call);
        return ApiResult.ok(tx.inTransaction(c -> Map.of("userId", caller.userId(),
            "stores", managedStores(c, call.brand().id(), caller.userId()),
            "regions", Sql.list(c, "SELECT r.code FROM lm_region r JOIN lm_region_manager m ON m.region_id = r.id "
                + "WHERE r.brand_id = ? AND m.user_id = ? ORDER BY r.code", rs -> rs.getString(1), call.brand().id(),
                caller.userId()))));
    }

    /** The codes of the stores the member manages: bound by the core, or ranked here. */
    private List<String> managedStores(java.sql.Connection c, long brandId, long userId) {
        java.util.Set<Long> ids = new java.util.HashSet<>(lookups.member(c, brandId, userId).managedStoreIds());
        ids.addAll(Sql.list(c, "SELECT store_id FROM lm_store_manager WHERE user_id = ?", rs -> rs.getLong(1), userId));
        return lookups.stores(c, brandId).stream().filter(s -> ids.contains(s.id())).map(Store::code).sorted().toList();
    }

    /**
     * Complaints assigned to the caller, and those escalated to a region they manage, soonest deadline first. The page
     * is read from this plugin's assignments; the complaints' titles and statuses and the stores' codes come from the
     * platform in one call each for the whole page.
     */
    ApiResult inbox(ApiCall call) {
        Caller caller = Callers.member(call);
        Paging paging = Paging.of(call);
        Instant now = clock.instant();
        String mine = "FROM lm_assignment a WHERE a.brand_id = ? AND (a.manager_id = ? OR (a.level <> 'STORE' AND a.store_id IN "
            + "(SELECT st.store_id FROM lm_store st JOIN lm_region_manager m ON m.region_id = st.region_id WHERE m.user_id = ?)))";
        long brand = call.brand().id();
        record Row(long complaintId, long storeId, String level, Instant due, boolean answered) {
        }
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Row> rows = Sql.list(c, "SELECT a.complaint_id, a.store_id, a.level, a.due_at, a.responded_at " + mine
                + " ORDER BY a.responded_at NULLS FIRST, a.due_at, a.complaint_id LIMIT ? OFFSET ?",
                rs -> new Row(rs.getLong("complaint_id"), rs.getLong("store_id"), rs.getString("level"), Sql.instant(rs, "due_at"),
                    rs.getObject("responded_at") != null), brand, caller.userId(), caller.userId(), paging.size(), paging.offset());
            Map<Long, ComplaintFacts> complaints = lookups.complaints(c, brand, rows.stream().map(Row::complaintId).toList());
            Map<Long, Store> storesById = lookups.storesById(c, brand);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Row r : rows) {
                ComplaintFacts complaint = complaints.get(r.complaintId());
                Store store = storesById.get(r.storeId());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("complaintId", r.complaintId());
                m.put("title", complaint == null ? null : complaint.title());
                m.put("store", store == null ? null : store.code());
                m.put("status", complaint == null || complaint.status() == null ? null : complaint.status().name());
                m.put("level", r.level());
                m.put("dueAt", r.due().toString());
                OpeningHours h = stores.hours(c, r.storeId());
                Duration left = r.answered() ? Duration.ZERO : now.isBefore(r.due()) ? h.openingBetween(now, r.due())
                    : h.openingBetween(r.due(), now).negated();
                m.put("openingMinutesLeft", left.toMinutes());
                m.put("late", !r.answered() && now.isAfter(r.due()));
                items.add(m);
            }
            return paging.answer(items, Sql.count(c, "SELECT COUNT(*) " + mine, brand, caller.userId(), caller.userId()));
        }));
    }

    ApiResult timeline(ApiCall call) {
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            lookups.published(c, call.brand().id(), id);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("complaintId", id);
            out.put("steps", timeline.of(c, id));
            // the deadline the complainant can expect a first response by, while none came
            Sql.one(c, "SELECT due_at, level FROM lm_assignment WHERE complaint_id = ? AND responded_at IS NULL",
                rs -> Map.of("dueAt", Sql.instant(rs, "due_at").toString(), "level", rs.getString(2)), id)
                .ifPresent(d -> out.put("deadline", d));
            return out;
        }));
    }

    ApiResult delegate(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        Bodies.Delegation body = call.body(Bodies.Delegation.class);
        // resolved in the URL's brand first: another brand's store is none, whatever the routing would say
        tx.inTransaction(c -> lookups.store(c, call.brand().id(), body.storeCode()));
        routing.delegate(call.brand().id(), id, caller.userId(), caller.has(Role.BRAND_ADMIN), body.storeCode(), body.reason());
        return ApiResult.ok(Map.of("complaintId", id, "storeCode", body.storeCode()));
    }

    ApiResult handOver(ApiCall call) {
        Caller caller = Callers.member(call);
        long id = call.pathId("id");
        Bodies.Handover body = call.body(Bodies.Handover.class);
        routing.handOver(call.brand().id(), id, caller.userId(), caller.has(Role.BRAND_ADMIN), body.reason());
        return ApiResult.ok(Map.of("complaintId", id, "level", "CENTRAL"));
    }

    /** For the central team (brand admins): late complaints, escalations, stores by score, and monthly trends. */
    ApiResult dashboard(ApiCall call) {
        Callers.admin(call);
        Instant now = clock.instant();
        long brand = call.brand().id();
        return ApiResult.ok(tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<Long, Store> storesById = lookups.storesById(c, brand);
            out.put("late", Sql.list(c, "SELECT complaint_id, store_id, level, due_at FROM lm_assignment WHERE brand_id = ? "
                + "AND responded_at IS NULL AND due_at < ? ORDER BY due_at LIMIT 200", rs -> {
                    Store store = storesById.get(rs.getLong(2));
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("complaintId", rs.getLong(1));
                    m.put("store", store == null ? null : store.code());
                    m.put("level", rs.getString(3));
                    m.put("dueAt", Sql.instant(rs, "due_at").toString());
                    return m;
                }, brand, now));
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

    ApiResult storeSettings(ApiCall call) {
        Callers.admin(call);
        String code = call.path("code");
        Bodies.StoreSettings body = call.body(Bodies.StoreSettings.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            long storeId = lookups.store(c, call.brand().id(), code);
            OpeningHours hours;
            try {
                hours = StoreSettings.parse(body.timeZone() == null ? "Europe/Paris" : body.timeZone(), body.hours(),
                    body.closures() == null ? List.of() : body.closures());
            } catch (StoreSettings.Invalid e) {
                throw ProblemException.invalid(e.field(), e.getMessage());
            } catch (IllegalArgumentException e) {
                // the week as a whole: intervals that overlap or end before they start, a store never open
                throw ProblemException.invalid("hours", e.getMessage());
            }
            Long region = body.region() == null ? null : Lookups.region(c, call.brand().id(), body.region());
            stores.save(c, call.brand().id(), storeId, hours, region);
            if (body.managers() != null) {
                Sql.update(c, "DELETE FROM lm_store_manager WHERE store_id = ?", storeId);
                int rank = 0;
                for (long user : body.managers()) {
                    if (!lookups.member(c, call.brand().id(), user).managedStoreIds().contains(storeId)) {
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
        Callers.admin(call);
        String csv = call.body(Bodies.StoreImport.class).csv();
        return ApiResult.ok(tx.inTransaction(c -> new StoreImport(stores, lookups).run(c, call.brand().id(), csv)));
    }

    ApiResult exportStores(ApiCall call) {
        Callers.admin(call);
        return ApiResult.text("text/csv; charset=UTF-8", tx.inTransaction(c -> new StoreImport(stores, lookups).export(c, call.brand().id())));
    }

    /** Stores by city or postal code ({@code q}), or nearest first from coordinates ({@code lat}, {@code lon}). Public. */
    ApiResult searchStores(ApiCall call) {
        String q = call.query("q");
        String lat = call.query("lat");
        String lon = call.query("lon");
        Paging paging = Paging.of(call);
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
                lookups.stores(c, call.brand().id()).stream().filter(s -> s.latitude() != null)
                    .forEach(s -> found.add(store(s, km(la, lo, s.latitude(), s.longitude()))));
                found.sort(java.util.Comparator.comparingDouble(m -> (Double) m.get("distanceKm")));
            } else if (q != null && !q.isBlank() && q.length() <= 100) {
                String text = q.trim().toLowerCase(java.util.Locale.ROOT);
                lookups.stores(c, call.brand().id()).stream()
                    .filter(s -> contains(s.city(), text) || contains(s.postalCode(), text) || contains(s.name(), text))
                    .sorted(java.util.Comparator.comparing(Store::city).thenComparing(Store::code))
                    .forEach(s -> found.add(store(s, null)));
            } else {
                throw ProblemException.invalid("q", "a city, a postal code or a name (1 to 100 characters), or lat and lon");
            }
            return paging.slice(found);
        }));
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText);
    }

    private static Map<String, Object> store(Store s, Double km) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("city", s.city());
        m.put("postalCode", s.postalCode());
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
        Callers.admin(call);
        String code = call.path("code");
        if (code.length() > 32) {
            throw ProblemException.invalid("code", "at most 32 characters");
        }
        Bodies.Region body = call.body(Bodies.Region.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Long> managers = body.managers() == null ? List.of() : body.managers();
            for (long m : managers) {
                lookups.member(c, call.brand().id(), m);
            }
            long id = Sql.one(c, "SELECT id FROM lm_region WHERE brand_id = ? AND code = ?", rs -> rs.getLong(1),
                call.brand().id(), code).orElseGet(() -> Sql.insert(c,
                    "INSERT INTO lm_region (brand_id, code, name) VALUES (?, ?, ?)", call.brand().id(), code, body.name()));
            Sql.update(c, "UPDATE lm_region SET name = ? WHERE id = ?", body.name(), id);
            Sql.update(c, "DELETE FROM lm_region_manager WHERE region_id = ?", id);
            for (long m : managers) {
                Sql.update(c, "INSERT INTO lm_region_manager (region_id, user_id) VALUES (?, ?)", id, m);
            }
            return Map.of("region", code, "name", body.name());
        }));
    }

    /** An absence of the caller (or, for brand admins, of any member of the brand): their complaints go to a backup meanwhile. */
    ApiResult absence(ApiCall call) {
        Caller caller = Callers.member(call);
        Bodies.Absence body = call.body(Bodies.Absence.class);
        long user = body.userId() != null ? body.userId() : caller.userId();
        if (!body.to().isAfter(body.from()) || Duration.between(body.from(), body.to()).toDays() > 366) {
            throw ProblemException.invalid("to", "after 'from', within a year");
        }
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/managers/me", tx.inTransaction(c -> {
            // resolved in the URL's brand before anything else: another brand's manager is nobody here
            lookups.member(c, call.brand().id(), user);
            if (user != caller.userId() && !caller.has(Role.BRAND_ADMIN)) {
                throw ProblemException.forbidden("managers declare their own absences; brand admins anyone's");
            }
            return Map.of("id", Sql.insert(c, "INSERT INTO lm_absence (user_id, from_time, to_time) VALUES (?, ?, ?)", user,
                body.from(), body.to()));
        }));
    }

    /** The brand's stores by score, a page of them: the list, with the period and the formula it was computed with. */
    ApiResult storeRanking(ApiCall call) {
        Instant[] p = period(call);
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            Rankings.Formula f = formulaOf(c, call.brand().id());
            Map<String, Object> out = paging.slice(rankings.stores(c, call.brand().id(), p[0], p[1], f));
            out.put("period", call.query("period") == null ? "12m" : call.query("period"));
            out.put("formula", f);
            return out;
        }));
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

    /** The brand's deadlines in opening hours: its own, or the configured defaults ({@code "own": false}). */
    ApiResult deadlines(ApiCall call) {
        return ApiResult.ok(tx.inTransaction(c -> deadlinesView(c, call.brand().id())));
    }

    /** Sets the brand's deadlines ({@code null} for both: back to the defaults); from then on, not for complaints already routed. */
    ApiResult setDeadlines(ApiCall call) {
        Callers.admin(call);
        Bodies.Deadlines body = call.body(Bodies.Deadlines.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM lm_brand_deadline WHERE brand_id = ?", call.brand().id());
            if (body.firstResponseHours() != null || body.regionHours() != null) {
                var defaults = routing.defaults();
                int f = body.firstResponseHours() != null ? body.firstResponseHours() : (int) defaults.firstResponse().toHours();
                int r = body.regionHours() != null ? body.regionHours() : (int) defaults.regionTime().toHours();
                Sql.update(c, "INSERT INTO lm_brand_deadline (brand_id, first_response_hours, region_hours) VALUES (?, ?, ?)",
                    call.brand().id(), f, r);
            }
            return deadlinesView(c, call.brand().id());
        }));
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
        Callers.admin(call);
        Bodies.Formula body = call.body(Bodies.Formula.class);
        return ApiResult.ok(tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM lm_brand_formula WHERE brand_id = ?", call.brand().id());
            if (!body.empty()) {
                Rankings.Formula f;
                try {
                    f = new Rankings.Formula(weight(body.response(), "response"), weight(body.rating(), "rating"),
                        weight(body.resolution(), "resolution"), weight(body.buyAgain(), "buyAgain"),
                        body.minEvaluated() == null ? 0 : body.minEvaluated());
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

    private static double weight(Double value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "a weight from 0 to 1");
        }
        return value;
    }

    private Map<String, Object> formulaView(java.sql.Connection c, long brandId) {
        boolean own = Sql.count(c, "SELECT COUNT(*) FROM lm_brand_formula WHERE brand_id = ?", brandId) > 0;
        return Map.of("formula", formulaOf(c, brandId), "own", own);
    }
}
