package org.entraide.api.reputation;

/**
 * Events the reputation plugin appends, in the same transaction as the ledger entries they describe, for
 * brands that enabled the {@value #CAPABILITY} capability. Their subject is the user ({@code "user"}).
 */
public final class ReputationEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "reputation";

    /**
     * A user's reputation changed because of one source event. Payload: {@code userId}, {@code change}
     * (signed), {@code reputation} (the new total, at least 1), {@code reasons} (reason codes of the ledger
     * entries, such as "answer-upvoted"), {@code sourceEventId}, and {@code postId} when a post is concerned.
     */
    public static final String REPUTATION_CHANGED = "reputation.changed";

    /**
     * A user's reputation reached a privilege's threshold. Payload: {@code userId}, {@code privilege}
     * (such as "vote-down"), {@code threshold}, {@code reputation}.
     */
    public static final String PRIVILEGE_GRANTED = "privilege.granted";

    private ReputationEvents() {
    }
}
