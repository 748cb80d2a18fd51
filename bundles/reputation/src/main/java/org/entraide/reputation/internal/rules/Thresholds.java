package org.entraide.reputation.internal.rules;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The reputation each privilege needs in a brand. */
public record Thresholds(Map<Privilege, Integer> values) {
    public Thresholds {
        Objects.requireNonNull(values, "values");
        EnumMap<Privilege, Integer> copy = new EnumMap<>(Privilege.class);
        for (Privilege p : Privilege.values()) {
            Integer t = values.get(p);
            if (t == null) {
                throw new IllegalArgumentException("no threshold for " + p.code());
            }
            if (t < 1) {
                throw new IllegalArgumentException(p.code() + " must be at least 1");
            }
            copy.put(p, t);
        }
        values = Map.copyOf(copy);
    }

    public int of(Privilege privilege) {
        return values.get(privilege);
    }

    /** The thresholds with some values replaced; keys are privilege codes. */
    public Thresholds with(Map<String, Integer> overrides) {
        EnumMap<Privilege, Integer> v = new EnumMap<>(values);
        overrides.forEach((k, t) -> Privilege.byCode(k).ifPresent(p -> v.put(p, t)));
        return new Thresholds(v);
    }

    /** The privileges a change of reputation from {@code before} to {@code after} crossed upwards. */
    public List<Privilege> crossed(int before, int after) {
        return values.entrySet().stream().filter(e -> before < e.getValue() && after >= e.getValue())
            .map(Map.Entry::getKey).sorted().toList();
    }

    public Map<String, Integer> asMap() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Privilege p : Privilege.values()) {
            out.put(p.code(), values.get(p));
        }
        return out;
    }
}
