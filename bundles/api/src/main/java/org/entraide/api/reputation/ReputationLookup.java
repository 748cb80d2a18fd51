package org.entraide.api.reputation;

/**
 * A member's reputation, as the reputation plugin keeps it. The reputation plugin provides it as an OSGi service
 * when it is installed; the moderation plugin reads it for rules on the author's reputation, for its review queue
 * and for the flag privilege of its flag endpoint; the core reads it for the privileges it opens to members
 * ({@link #CLOSE_AS_DUPLICATE}). Called on any thread, inside or outside a transaction; reads the
 * database.
 */
public interface ReputationLookup {
    /** The privilege to close a question as a duplicate of another; the core asks its threshold (since 1.3). */
    String CLOSE_AS_DUPLICATE = "close-duplicate";

    /** The member's reputation in the brand (at least 1), or empty when reputation is off for the brand. */
    java.util.OptionalInt reputationOf(long brandId, long userId);

    /**
     * The reputation the brand requires for a privilege ({@code "flag"}, {@code "vote-up"}...), or empty when
     * reputation is off for the brand or the privilege is unknown (then nothing is required).
     */
    default java.util.OptionalInt thresholdOf(long brandId, String privilege) {
        return java.util.OptionalInt.empty();
    }
}
