package org.entraide.reputation.internal.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * A line of the points table; its code is the reason code of the ledger entries it makes, and the key of
 * the table in the API and the configuration.
 */
public enum Rule {
    ANSWER_UPVOTED("answer-upvoted", true, "Your answer was voted up"),
    QUESTION_UPVOTED("question-upvoted", true, "Your question was voted up"),
    ANSWER_ACCEPTED("answer-accepted", false, "Your answer was accepted"),
    ACCEPTANCE_GIVEN("acceptance-given", false, "You accepted an answer to your question"),
    POST_DOWNVOTED("post-downvoted", false, "Your post was voted down"),
    DOWNVOTE_GIVEN("downvote-given", false, "You voted an answer down"),
    POST_REJECTED("post-rejected", false, "Your post was rejected by moderation");

    private final String code;
    private final boolean cappable;
    private final String label;

    Rule(String code, boolean cappable, String label) {
        this.code = code;
        this.cappable = cappable;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Whether its gains count against the daily cap: upvotes do, accepted answers do not. */
    public boolean cappable() {
        return cappable;
    }

    /** What the member reads in their history. */
    public String label() {
        return label;
    }

    public static Optional<Rule> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
