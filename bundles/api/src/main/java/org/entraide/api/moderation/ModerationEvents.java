package org.entraide.api.moderation;

/** Events the moderation plugin appends, for brands that enabled the {@value #CAPABILITY} capability. */
public final class ModerationEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "moderation";

    /**
     * An item waited in the review queue longer than the brand allows. Subject: the post. Payload: {@code itemId},
     * {@code postId}, {@code source} (HOLD or FLAG), {@code waitingSince}.
     */
    public static final String REVIEW_OVERDUE = "moderation.review-overdue";

    /** Members' flags hid a post until review. Subject: the post. Payload: {@code postId}, {@code weight}. */
    public static final String POST_FLAGGED = "moderation.post-flagged";

    /**
     * Review upheld a member's flag (the flagged post was rejected): one event per flag. Subject: the flagger
     * ({@code "user"}). Payload: {@code userId}, {@code postId}, {@code reason}. Badges count them as helpful flags.
     */
    public static final String FLAG_UPHELD = "moderation.flag-upheld";

    private ModerationEvents() {
    }
}
