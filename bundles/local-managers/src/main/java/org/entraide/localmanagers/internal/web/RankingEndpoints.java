package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.model.Store;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.Rankings;

/**
 * The public rankings of stores and of the brand, their published formula (set by brand admins), and the central
 * team's dashboard: late complaints, escalations, stores by score and monthly trends.
 */
public final class RankingEndpoints {
    private final Transactions tx;
    private final Rankings rankings;
    private final Lookups lookups;
    private final Clock clock;
    private volatile Rankings.Formula formula;

    RankingEndpoints(Transactions tx, Rankings rankings, Rankings.Formula formula, Lookups lookups, Clock clock) {
        this.tx = tx;
        this.rankings = rankings;
        this.formula = formula;
        this.lookups = lookups;
        this.clock = clock;
    }

    /** The configured formula, for brands that did not publish their own. */
    public void use(Rankings.Formula f) {
        this.formula = f;
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
