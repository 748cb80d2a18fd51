package org.entraide.reputation.internal.rules;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each rule is worth for a brand, and the most a member may earn from capped rules in one UTC day.
 *
 * @param points   every rule, with its points
 * @param dailyCap at least 1
 */
public record PointsTable(Map<Rule, Integer> points, int dailyCap) {
    /** The key of the daily cap beside the rules' codes, in the API and the brand's overrides. */
    public static final String DAILY_CAP = "daily-cap";
    /** Bounds of one rule's points: a typo must not wipe out a community's reputation. */
    public static final int MAX_ABS_POINTS = 1000;

    public PointsTable {
        Objects.requireNonNull(points, "points");
        EnumMap<Rule, Integer> copy = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) {
            Integer p = points.get(r);
            if (p == null) {
                throw new IllegalArgumentException("no points for " + r.code());
            }
            if (Math.abs(p) > MAX_ABS_POINTS) {
                throw new IllegalArgumentException(r.code() + " must be between -" + MAX_ABS_POINTS + " and " + MAX_ABS_POINTS);
            }
            copy.put(r, p);
        }
        if (dailyCap < 1) {
            throw new IllegalArgumentException(DAILY_CAP + " must be at least 1");
        }
        points = Map.copyOf(copy);
    }

    public int of(Rule rule) {
        return points.get(rule);
    }

    /** The table with some values replaced; keys are rule codes or {@value #DAILY_CAP}. */
    public PointsTable with(Map<String, Integer> overrides) {
        EnumMap<Rule, Integer> p = new EnumMap<>(points);
        int cap = dailyCap;
        for (Map.Entry<String, Integer> o : overrides.entrySet()) {
            if (DAILY_CAP.equals(o.getKey())) {
                cap = o.getValue();
            } else {
                Rule.byCode(o.getKey()).ifPresent(r -> p.put(r, o.getValue()));
            }
        }
        return new PointsTable(p, cap);
    }

    /** As the API shows it: rule codes in table order, then the daily cap. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Rule r : Rule.values()) {
            out.put(r.code(), points.get(r));
        }
        out.put(DAILY_CAP, dailyCap);
        return out;
    }
}
