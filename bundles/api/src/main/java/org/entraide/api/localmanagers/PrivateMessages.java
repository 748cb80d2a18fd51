package org.entraide.api.localmanagers;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The private messages of a complaint, between its complainant and the manager it is assigned to, as other plugins
 * send them on a member's behalf (a reply by e-mail). The local-managers plugin provides it when installed; the
 * caller's thread, joining its transaction. The same rules apply as from the page: only those two parties, the
 * brand's moderation rules for private messages (redaction, censoring, sanctions), the same length limit. Besides,
 * once the complaint was escalated to its store's region, that region's managers write on the store's side (since 1.5:
 * they answer by e-mail through the contact relay; see {@link Assignments}).
 */
@ProviderType
public interface PrivateMessages {
    /**
     * Stores the message and appends its event ({@link LocalManagerEvents#DETAILS_GIVEN} from the complainant,
     * {@link LocalManagerEvents#DETAILS_REQUESTED} from the manager).
     *
     * @return the message's id
     * @throws org.entraide.api.problem.ProblemException 404 for a complaint not of that brand or a brand without
     *         local managers, 403 for anyone but the two parties (and the region's managers, once escalated) or a
     *         sanctioned member, 400 for an empty or too long
     *         text, 422 for a text the moderation rules refuse
     */
    long send(Connection connection, long brandId, long complaintId, long authorId, String text);

    /**
     * Hides a message the moderators judged against the rules: it stays stored, and the thread shows it as removed
     * by moderation. Hiding a hidden message changes nothing.
     *
     * @throws org.entraide.api.problem.ProblemException 404 for a message not in a complaint of that brand
     */
    void hide(Connection connection, long brandId, long messageId);
}
