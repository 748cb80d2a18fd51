package org.entraide.incidents.internal.detect;

import java.util.List;

/**
 * The baseline of a scope's hour ({@link History}) and the rule that makes a count a rise. Two tests, both required,
 * because each alone fails on one kind of scope:
 * <ul>
 * <li>the <b>Poisson tail</b>: a count that the hour's expected rate of posts would reach less often than once in
 * {@code 1 / tail} hours. The rate ({@link #rate()}) is the scope's weekly profile ({@link History#profile()}: its
 * posts in a week x the weekday's share x the hour of the day's share), raised halfway towards the mean of the same
 * hour of the same weekday when that mean is higher. The profile knows a quiet hour far better than 8 hours do: at a
 * store that had one post at 2 a.m. on a Sunday in 8 weeks, the mean says 0.125 an hour, under which 3 posts come
 * once in 4,000 hours, but 56 nights with 3 posts say about 0.05, under which 3 posts come once in 50,000. The half of
 * the same hour's mean, when higher, keeps an hour that is busy by habit (a market morning) from being judged by the
 * average of its day;</li>
 * <li>the <b>scope's own fluctuation</b>: the mean plus {@code deviations} standard deviations of the weeks, so that a
 * noisy scope (a store that sometimes has 3 or 4 posts at an hour that is usually empty) is judged by its own
 * history and not by the Poisson noise alone.</li>
 * </ul>
 * A minimum number of posts bounds both for hours so quiet that a couple of posts would pass.
 */
public record Baseline(double mean, double deviation, int weeks, double profile) {
    public static Baseline of(List<Integer> weeks, double profile) {
        double mean = weeks.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = weeks.stream().mapToDouble(n -> (n - mean) * (n - mean)).average().orElse(0);
        return new Baseline(mean, Math.sqrt(variance), weeks.size(), profile);
    }

    /**
     * The rate the tail is computed at: the profile, or halfway between it and the same hour's mean when that is higher
     * (the mean of 8 hours and the profile weighed alike, as a profile worth 8 weeks of that hour would be).
     */
    public double rate() {
        return Math.max(profile, (mean + profile) / 2);
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
