package org.entraide.api.reputation;

/**
 * A member's reputation, as the reputation plugin keeps it. The reputation plugin provides it as an OSGi service
 * when it is installed; the moderation plugin reads it for rules on the author's reputation. Called on any thread,
 * inside or outside a transaction; reads the database.
 */
public interface ReputationLookup {
    /** The member's reputation in the brand (at least 1), or empty when reputation is off for the brand. */
    java.util.OptionalInt reputationOf(long brandId, long userId);
}
