package org.entraide.incidents.internal;

/** The plugin's settings, checked: each bad value names its key. */
public record IncidentsSettings(double deviations, double tailProbability, int weeks, int minPosts, long periodMillis,
                                boolean statementAnswers) {
    public IncidentsSettings {
        require(deviations > 0 && deviations <= 20, "detection.deviations", "between 0 and 20");
        require(tailProbability > 0 && tailProbability <= 0.5, "detection.tail.probability", "over 0 and at most 0.5");
        require(weeks >= 2 && weeks <= 52, "detection.weeks", "between 2 and 52");
        require(minPosts >= 1, "detection.min.posts", "at least 1");
        require(periodMillis >= 100, "detection.period.millis", "at least 100");
    }

    public static IncidentsSettings defaults() {
        return new IncidentsSettings(3.0, 1e-4, 8, 3, 300_000, false);
    }

    static IncidentsSettings of(IncidentsConfig c) {
        return new IncidentsSettings(c.detection_deviations(), c.detection_tail_probability(), c.detection_weeks(), c.detection_min_posts(),
            c.detection_period_millis(), c.statement_answers_complaints());
    }

    private static void require(boolean ok, String key, String what) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + what);
        }
    }
}
