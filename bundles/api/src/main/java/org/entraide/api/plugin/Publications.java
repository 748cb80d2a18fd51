package org.entraide.api.plugin;

import org.entraide.api.model.PublicationState;

/**
 * Changes whether the public sees a post (moderation approving a held post, hiding or rejecting one). The
 * platform provides it. It joins the caller's transaction and appends the matching event (post.published,
 * post.rejected or post.hidden), so subscribers such as reputation can react to it.
 */
public interface Publications {
    /**
     * @param actorId the moderator, or null for an automatic decision
     * @param reason  why, shown in the event payload and to the author
     * @throws org.entraide.api.problem.ProblemException 404 when the post does not exist in that brand
     */
    void change(long brandId, long postId, PublicationState to, Long actorId, String reason);

    /**
     * Publishes a post that is not public yet (held for review or hidden) with a moderator's correction of its
     * text: cleaned and checked as a submitted post's. The post.published event says {@code "edited": true}.
     *
     * @param title the corrected title, or null to keep it (an answer has none)
     * @param body  the corrected body
     * @throws org.entraide.api.problem.ProblemException 400 on the field when the text is empty or too long (nothing
     *                                                   changes), 404 when the post does not exist in that brand,
     *                                                   409 when it is already public or was rejected
     */
    void publishEdited(long brandId, long postId, String title, String body, Long actorId, String reason);
}
