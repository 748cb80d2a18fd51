package org.entraide.badges.internal.criteria;

import java.util.Locale;
import java.util.Set;

/**
 * Where a criterion's metrics are counted: over the member's whole activity in the brand, within one topic,
 * tag or city, or for one post (a repeatable badge earned per qualifying answer or question).
 */
public enum ScopeKind {
    USER(Set.of("answers", "acceptedAnswers", "answerScore", "questions", "questionScore", "consecutiveDays",
        "helpfulFlags", "firstAnswer", "firstAcceptedAnswer", "firstQuestion")),
    TOPIC(Set.of("answers", "acceptedAnswers", "answerScore", "questions", "questionScore")),
    TAG(Set.of("answers", "acceptedAnswers", "answerScore", "questions", "questionScore")),
    CITY(Set.of("answers", "acceptedAnswers", "answerScore")),
    ANSWER(Set.of("score", "accepted")),
    QUESTION(Set.of("score"));

    private final Set<String> metrics;

    ScopeKind(Set<String> metrics) {
        this.metrics = metrics;
    }

    public Set<String> metrics() {
        return metrics;
    }

    /** The prefix used in criteria: "user", "topic"... */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a badge of this kind is earned once per post (and so may be repeated). */
    public boolean perPost() {
        return this == ANSWER || this == QUESTION;
    }

    /** The kind of a stored scope key: "" is USER, "topic:12" is TOPIC... */
    public static ScopeKind ofScope(String scope) {
        if (scope.isEmpty()) {
            return USER;
        }
        return valueOf(scope.substring(0, scope.indexOf(':')).toUpperCase(Locale.ROOT));
    }

    static ScopeKind ofPrefix(String prefix) {
        for (ScopeKind k : values()) {
            if (k.prefix().equals(prefix)) {
                return k;
            }
        }
        return null;
    }
}
