package org.entraide.api.platform;

import java.sql.Connection;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Contributions a plugin makes on behalf of a member, through the core's own submission path: what a member may
 * post from the page (the brand's submission steps, sanctions, personal-data redaction, rate limits) applies exactly
 * the same. The core provides it; the caller's thread, joining its transaction.
 */
@ProviderType
public interface Contributions {
    /** What became of a contribution. */
    enum Status {
        /** Public now. */
        PUBLISHED,
        /** Stored, waiting for a moderator's review. */
        HELD,
        /** Not stored: see the reason. */
        REFUSED
    }

    /**
     * @param postId the stored post; 0 when refused
     * @param reason why it was refused, in the core's words; for a held post its publication state; null when
     *        published
     */
    record Outcome(Status status, long postId, String reason) {
        public Outcome {
            Objects.requireNonNull(status, "status");
        }

        public static Outcome refused(String reason) {
            return new Outcome(Status.REFUSED, 0, reason);
        }
    }

    /**
     * The member answers the question, as {@code POST /brands/{brand}/questions/{id}/answers} would. A refusal (an
     * unknown or unpublished question, a member of another brand, a sanction, a text the rules refuse, an empty or too
     * long text, the member's posting rate) is an outcome, not an exception, and changes nothing.
     */
    Outcome answer(Connection connection, long brandId, long authorId, long questionId, String body);

    /**
     * The member files a complaint about the store, as {@code POST /brands/{brand}/complaints} would, without their
     * pseudonym shown. A refusal (an unknown store or member of the brand, a sanction, a text the rules refuse, an empty
     * or too long title or body, the member's posting rate) is an outcome, not an exception, and changes nothing.
     *
     * @since 1.5
     */
    Outcome complain(Connection connection, long brandId, long authorId, String storeCode, String title, String body);

    /**
     * The member of the brand with that e-mail address (compared as at sign-in), or a new one: a customer whose address
     * is known to be theirs (they proved it, by a link sent to it), without a password they know (they set one with
     * "forgot password"), with a pseudonym made from the address. For a plugin receiving messages from people (e-mail
     * to a store); the address is never shown to anyone.
     *
     * @return the member's id
     * @throws IllegalArgumentException when {@code email} is not an address
     * @since 1.5
     */
    long memberFor(Connection connection, long brandId, String email);
}
