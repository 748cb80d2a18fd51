package org.entraide.api.badges;

/**
 * Events the badges plugin appends, in the transaction of the award they describe, for brands that enabled
 * the {@value #CAPABILITY} capability. Their subject is the user ({@code "user"}).
 */
public final class BadgeEvents {
    /** The capability brands enable. */
    public static final String CAPABILITY = "badges";

    /**
     * A member earned a badge. Payload: {@code userId}, {@code badge} (its key), {@code tier}, {@code scope}
     * ("" for the whole brand, "topic:12", "tag:peinture", "city:Lyon", "answer:345" for a post),
     * {@code postId} when a post earned it, {@code sourceEventId} (null for a re-evaluation).
     */
    public static final String BADGE_AWARDED = "badge.awarded";

    /** An auto-revoked badge was taken back. Payload: as {@link #BADGE_AWARDED}, plus {@code reason}. */
    public static final String BADGE_REVOKED = "badge.revoked";

    private BadgeEvents() {
    }
}
