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
}
