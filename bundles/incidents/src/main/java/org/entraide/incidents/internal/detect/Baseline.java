package org.entraide.incidents.internal.detect;

import java.util.List;

/**
 * The same hour of the same weekday over the previous weeks (an hour without posts counts 0), and the threshold a count
 * must reach to be a rise: the mean plus {@code deviations} standard deviations, the deviation taken at least as the
 * square root of the mean (the noise of counts that are rare events) and at least 1, so that a flat history of zeros or
 * of constant counts does not make every extra post an alert.
 */
public record Baseline(double mean, double deviation) {
    public static Baseline of(List<Integer> weeks) {
        double mean = weeks.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = weeks.stream().mapToDouble(n -> (n - mean) * (n - mean)).average().orElse(0);
        return new Baseline(mean, Math.sqrt(variance));
    }

    public double threshold(double deviations) {
        return mean + deviations * Math.max(1.0, Math.max(deviation, Math.sqrt(mean)));
    }

    public boolean isRise(int count, double deviations, int minPosts) {
        return count >= minPosts && count >= threshold(deviations);
    }
}
