package org.entraide.localmanagers.internal;

import org.entraide.api.platform.Stores;
import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * How well stores answer, over a period: response rate, rate answered within the deadline, median time to first
 * response, resolution rate, would-buy-again rate, average rating, and a composite score from 0 to 10:
 * {@code 10 × (w_response × response rate + w_resolution × resolution rate + w_buyAgain × would-buy-again rate)
 * + w_rating × average rating}, the weights summing to 1 (default 0.2, 0.3, 0.2, 0.3). Under the minimum number of
 * evaluated complaints the score is "not enough data" (null). A store's complaints that belong to an incident (an
 * outage, a recall: the incidents plugin) are counted apart ({@code incidentComplaints}) and left out of its figures;
 * the brand's figures keep them. Thanks to a store's team (the channels plugin's event) are counted beside its
 * complaints ({@code thanks}), outside the score. See docs/ranking.md.
 */
public final class Rankings {
    /** The published formula's weights and its minimum. */
    public record Formula(double response, double rating, double resolution, double buyAgain, int minEvaluated) {
        public static Formula defaults() {
            return new Formula(0.2, 0.3, 0.3, 0.2, 10);
        }

        public Formula {
            if (Math.abs(response + rating + resolution + buyAgain - 1.0) > 1e-9 || response < 0 || rating < 0
                || resolution < 0 || buyAgain < 0 || minEvaluated < 1) {
                throw new IllegalArgumentException("weights from 0 to 1 summing to 1, and a minimum of at least 1");
            }
        }
    }

    /** The figures of one store (or of the brand, storeId null). */
    public record Figures(Long storeId, String storeCode, String storeName, long complaints, long responded, long onTime,
                          Double medianHoursToFirstResponse, long evaluated, long resolved, long wouldBuyAgain,
                          Double averageRating, Double responseRate, Double onTimeRate, Double resolutionRate,
                          Double wouldBuyAgainRate, Double score, boolean enoughData, long incidentComplaints,
                          long thanks) {
    }

    private record Acc(long store, long[] counts, List<Long> minutes, double[] ratingSum) {
        Acc(long store) {
            this(store, new long[8], new ArrayList<>(), new double[1]);
        }
    }

    private final Stores stores;

    public Rankings(Stores stores) {
        this.stores = stores;
    }

    public List<Figures> stores(Connection c, long brandId, Instant from, Instant to, Formula f) {
        Map<Long, Acc> by = new LinkedHashMap<>();
        Sql.list(c, "SELECT a.store_id, a.filed_at, a.due_at, a.responded_at, a.resolved, a.rating, a.would_buy_again, "
            + "a.incident_id FROM lm_assignment a WHERE a.brand_id = ? AND a.filed_at >= ? AND a.filed_at < ?", rs -> {
                Acc acc = by.computeIfAbsent(rs.getLong(1), Acc::new);
                if (rs.getObject("incident_id") != null) {
                    acc.counts()[6]++;
                    return null;
                }
                add(acc, Sql.instant(rs, "filed_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "responded_at"),
                    (Boolean) rs.getObject("resolved"), (Integer) rs.getObject("rating"), (Boolean) rs.getObject("would_buy_again"));
                return null;
            }, brandId, from, to);
        // a store thanked but without complaints in the period is listed too: its thanks are part of its figures
        Sql.list(c, "SELECT store_id, COUNT(*) FROM lm_store_thanks WHERE brand_id = ? AND thanked_at >= ? AND thanked_at < ? "
            + "GROUP BY store_id", rs -> by.computeIfAbsent(rs.getLong(1), Acc::new).counts()[7] = rs.getLong(2), brandId, from, to);
        Map<Long, String[]> names = new HashMap<>();
        stores.all(c, brandId).forEach(s -> names.put(s.id(), new String[] {s.code(), s.name()}));
        List<Figures> out = new ArrayList<>();
        for (Acc acc : by.values()) {
            String[] n = names.getOrDefault(acc.store(), new String[] {null, null});
            out.add(figures(acc.store(), n[0], n[1], acc, f));
        }
        out.sort(Comparator.comparing((Figures x) -> x.score() == null ? -1 : x.score()).reversed()
            .thenComparing(x -> x.storeCode() == null ? "" : x.storeCode()));
        return out;
    }

    public Figures brand(Connection c, long brandId, Instant from, Instant to, Formula f) {
        Acc all = new Acc(0);
        Sql.list(c, "SELECT filed_at, due_at, responded_at, resolved, rating, would_buy_again, incident_id FROM lm_assignment "
            + "WHERE brand_id = ? AND filed_at >= ? AND filed_at < ?", rs -> {
                if (rs.getObject("incident_id") != null) {
                    all.counts()[6]++;
                }
                add(all, Sql.instant(rs, "filed_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "responded_at"),
                    (Boolean) rs.getObject("resolved"), (Integer) rs.getObject("rating"), (Boolean) rs.getObject("would_buy_again"));
                return null;
            }, brandId, from, to);
        all.counts()[7] = Sql.count(c, "SELECT COUNT(*) FROM lm_store_thanks WHERE brand_id = ? AND thanked_at >= ? "
            + "AND thanked_at < ?", brandId, from, to);
        return figures(null, null, null, all, f);
    }

    private static void add(Acc acc, Instant filed, Instant due, Instant responded, Boolean resolved, Integer rating,
                            Boolean buyAgain) {
        long[] n = acc.counts();
        n[0]++;
        if (responded != null) {
            n[1]++;
            acc.minutes().add(Duration.between(filed, responded).toMinutes());
            if (!responded.isAfter(due)) {
                n[2]++;
            }
        }
        if (resolved != null) {
            n[3]++;
            if (resolved) {
                n[4]++;
            }
            if (Boolean.TRUE.equals(buyAgain)) {
                n[5]++;
            }
            acc.ratingSum()[0] += rating == null ? 0 : rating;
        }
    }

    static Figures figures(Long storeId, String code, String name, Acc acc, Formula f) {
        long[] n = acc.counts();
        Double responseRate = ratio(n[1], n[0]);
        Double onTimeRate = ratio(n[2], n[0]);
        Double resolutionRate = ratio(n[4], n[3]);
        Double buyAgainRate = ratio(n[5], n[3]);
        Double rating = n[3] == 0 ? null : acc.ratingSum()[0] / n[3];
        boolean enough = n[3] >= f.minEvaluated();
        Double score = !enough ? null : round(10 * (f.response() * responseRate + f.resolution() * resolutionRate
            + f.buyAgain() * buyAgainRate) + f.rating() * rating);
        return new Figures(storeId, code, name, n[0], n[1], n[2], median(acc.minutes()), n[3], n[4], n[5],
            rating == null ? null : round(rating), responseRate, onTimeRate, resolutionRate, buyAgainRate, score, enough, n[6],
            n[7]);
    }

    private static Double ratio(long a, long b) {
        return b == 0 ? null : round((double) a / b);
    }

    private static Double median(List<Long> minutes) {
        if (minutes.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(minutes);
        sorted.sort(null);
        int m = sorted.size() / 2;
        double v = sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2.0;
        return round(v / 60.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
