package org.entraide.badges.internal.criteria;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A parsed criterion: comparisons of one scope's metrics with numbers, combined with {@code and} and
 * {@code or}. Immutable; evaluated against the metrics of one member in one scope.
 */
public sealed interface Criterion {
    boolean test(ToLongFunction<String> metrics);

    /** Every comparison, for progress ("12 / 20 answers"). */
    List<Comparison> comparisons();

    /** {@code kind.metric op value}. */
    record Comparison(ScopeKind kind, String metric, String op, long value) implements Criterion {
        @Override
        public boolean test(ToLongFunction<String> metrics) {
            long v = metrics.applyAsLong(metric);
            return switch (op) {
                case ">=" -> v >= value;
                case ">" -> v > value;
                case "<=" -> v <= value;
                case "<" -> v < value;
                case "==" -> v == value;
                default -> v != value;
            };
        }

        @Override
        public List<Comparison> comparisons() {
            return List.of(this);
        }
    }

    record And(Criterion left, Criterion right) implements Criterion {
        @Override
        public boolean test(ToLongFunction<String> metrics) {
            return left.test(metrics) && right.test(metrics);
        }

        @Override
        public List<Comparison> comparisons() {
            return concat(left, right);
        }
    }

    record Or(Criterion left, Criterion right) implements Criterion {
        @Override
        public boolean test(ToLongFunction<String> metrics) {
            return left.test(metrics) || right.test(metrics);
        }

        @Override
        public List<Comparison> comparisons() {
            return concat(left, right);
        }
    }

    private static List<Comparison> concat(Criterion a, Criterion b) {
        List<Comparison> all = new java.util.ArrayList<>(a.comparisons());
        all.addAll(b.comparisons());
        return List.copyOf(all);
    }
}
