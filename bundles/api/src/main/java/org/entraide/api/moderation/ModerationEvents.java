package org.entraide.api.moderation;

/**
 * Events the moderation plugin appends, for brands that enabled the {@value #CAPABILITY} capability: their names
 * here, their payloads as one record per type in this package ({@link ReviewOverdue}, {@link PostFlagged},
 * {@link FlagUpheld}, {@link AppealFiled}, {@link AppealDecided}, {@link SanctionImposed}).
 */
public final class ModerationEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "moderation";

    /** The subject type of appeals' events: the subject id is the appeal's. */
    public static final String SUBJECT_APPEAL = "appeal";

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

    /**
     * A member appealed a moderation decision (a rejected post, subject ITEM, or a sanction, subject SANCTION).
     * Subject: the appeal ({@code "appeal"}). Payload: {@code appealId}, {@code subject}. It never names the
     * appellant: the appeal of a rejected complaint would tie the complaint to its author.
     */
    public static final String APPEAL_FILED = "moderation.appeal-filed";

    /**
     * A moderator decided an appeal. Subject: the appeal. Payload: {@code appealId}, {@code subject},
     * {@code outcome} (OVERTURNED or UPHELD), {@code reason}, {@code appellantId} (for the appellant's own
     * notification; webhooks leave it out).
     */
    public static final String APPEAL_DECIDED = "moderation.appeal-decided";

    /**
     * A moderator sanctioned a member. Subject: the member ({@code "user"}). Payload: {@code sanctionId},
     * {@code userId}, {@code kind} (WARNING, SILENCE, SUSPENSION...), {@code reason}, {@code endsAt} (null: no end).
     */
    public static final String SANCTION_IMPOSED = "moderation.sanction-imposed";

    private ModerationEvents() {
    }
}
