package org.entraide.reputation.internal.gaming;

import java.time.Instant;

/** Serial voting the job reversed, for moderators: who voted for whom, how, and what it took back. */
public record SerialCase(long id, long brandId, long voterId, long authorId, String pattern, int votes, int pointsReversed,
                         Instant detectedAt) {
}
