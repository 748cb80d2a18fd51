package org.entraide.incidents.internal.detect;

import java.util.List;

/**
 * The same hour of the same weekday over the previous weeks (an hour without posts counts 0), and the rule that makes a
 * count a rise. Two tests, both required, because each alone fails on one kind of scope:
 * <ul>
 * <li>the <b>Poisson tail</b>: a count that a steady rate of posts would reach less often than once in
 * {@code 1 / tail} hours. The rate is the mean as if one more post had been seen over the weeks ({@link #rate()}),
 * because eight quiet weeks of zeros do not prove a rate of zero: without it any post at a quiet hour would be a
 * rise. This is what lets a weak rise (4 posts where there are none) through while a busy hour needs more, which a fixed
 * minimum and a deviation floored at 1 could not do;</li>
 * <li>the <b>scope's own fluctuation</b>: the mean plus {@code deviations} standard deviations of the weeks, so that a
 * noisy scope (a store that sometimes has 3 or 4 posts at an hour that is usually empty) is judged by its own
 * history and not by the Poisson noise alone.</li>
 * </ul>
 * A minimum number of posts bounds both for hours so quiet that a couple of posts would pass.
 */
public record Baseline(double mean, double deviation, int weeks) {
    public static Baseline of(List<Integer> weeks) {
        double mean = weeks.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = weeks.stream().mapToDouble(n -> (n - mean) * (n - mean)).average().orElse(0);
        return new Baseline(mean, Math.sqrt(variance), weeks.size());
    }

    /** The rate the tail is computed at: the mean of the weeks with one more post seen among them. */
    public double rate() {
        return mean + 1.0 / Math.max(1, weeks);
    }

    /** The count the scope's own fluctuation allows. */
    public double threshold(double deviations) {
        return mean + deviations * deviation;
    }

    /**
     * The probability that a Poisson count of rate {@link #rate()} reaches {@code count}. The terms are computed in
     * logarithms, so that a busy scope (a rate of hundreds) does not underflow to a probability of 1.
     */
    public double tail(int count) {
        double rate = rate();
        double logRate = Math.log(rate);
        double logTerm = -rate; // log P(X = 0)
        double below = 0;
        for (int k = 0; k < count; k++) {
            below += Math.exp(logTerm);
            logTerm += logRate - Math.log(k + 1);
        }
        if (count <= rate) {
            return Math.max(0, 1 - below);
        }
        // over the rate the terms decrease: their sum is exact where 1 - below would have lost its digits
        double tail = 0;
        for (int k = count; ; k++) {
            double term = Math.exp(logTerm);
            tail += term;
            if (term <= tail * 1e-12) {
                return tail;
            }
            logTerm += logRate - Math.log(k + 1);
        }
    }

    public boolean isRise(int count, double deviations, double tailProbability, int minPosts) {
        return count >= minPosts && count >= threshold(deviations) && tail(count) <= tailProbability;
    }
}
