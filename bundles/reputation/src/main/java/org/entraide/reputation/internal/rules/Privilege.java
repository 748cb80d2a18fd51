package org.entraide.reputation.internal.rules;

import java.util.Arrays;
import java.util.Optional;

/** What a member may do once their reputation reaches the brand's threshold. Staff need no reputation. */
public enum Privilege {
    VOTE_UP("vote-up"),
    FLAG("flag"),
    COMMENT("comment"),
    REVIEW_QUEUE("review-queue"),
    VOTE_DOWN("vote-down"),
    SEE_VOTE_COUNTS("see-vote-counts"),
    EDIT_OTHERS_POSTS("edit-others-posts"),
    /** Checked by the core (ReputationLookup.CLOSE_AS_DUPLICATE): closing a question as a duplicate of another. */
    CLOSE_DUPLICATE(org.entraide.api.reputation.ReputationLookup.CLOSE_AS_DUPLICATE);

    private final String code;

    Privilege(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Privilege> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
