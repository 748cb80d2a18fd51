package org.entraide.core.internal.post;

import java.sql.Connection;

import org.entraide.api.model.PublicationState;

/**
 * Decides the publication state of a new post before it is stored. With no capability installed,
 * everything is published; moderation plugs its rules in here.
 */
@FunctionalInterface
public interface SubmissionGate {
    SubmissionGate PUBLISH_ALL = (c, post) -> PublicationState.PUBLISHED;

    /**
     * @throws org.entraide.api.problem.ProblemException to refuse the submission (for instance 403 or 422)
     */
    PublicationState decide(Connection c, NewPost post);
}
