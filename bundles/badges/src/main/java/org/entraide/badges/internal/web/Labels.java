package org.entraide.badges.internal.web;

import java.util.Map;

/** Progress in words, in French and English: "12 / 20 réponses dans Bricolage". */
final class Labels {
    private static final Map<String, String[]> METRICS = Map.ofEntries(
        Map.entry("answers", new String[] {"réponses", "answers"}),
        Map.entry("acceptedAnswers", new String[] {"réponses acceptées", "accepted answers"}),
        Map.entry("answerScore", new String[] {"points de score des réponses", "answer score"}),
        Map.entry("questions", new String[] {"questions", "questions"}),
        Map.entry("questionScore", new String[] {"points de score des questions", "question score"}),
        Map.entry("consecutiveDays", new String[] {"jours consécutifs", "consecutive days"}),
        Map.entry("helpfulFlags", new String[] {"signalements utiles", "helpful flags"}),
        Map.entry("score", new String[] {"points de score", "score"}),
        Map.entry("accepted", new String[] {"acceptée", "accepted"}));

    private Labels() {
    }

    /** {@code where}: the scope as members read it ("Bricolage", "#peinture", "Lyon"), empty for the whole brand. */
    static Map<String, String> progress(String metric, long current, long target, String where) {
        String[] words = METRICS.getOrDefault(metric, new String[] {metric, metric});
        return Map.of("fr", current + " / " + target + " " + words[0] + (where.isEmpty() ? "" : " dans " + where),
            "en", current + " / " + target + " " + words[1] + (where.isEmpty() ? "" : " in " + where));
    }
}
