package org.entraide.core.internal.post;

import org.entraide.api.plugin.Submission;

/**
 * Decides what becomes of a submission before it is stored: published, held for review, refused (by
 * throwing), or stored with a changed text. Called inside the write transaction. With no capability
 * installed, everything is published as written.
 */
@FunctionalInterface
public interface SubmissionGate {
    SubmissionGate PUBLISH_ALL = s -> s;

    /** @throws org.entraide.api.problem.ProblemException to refuse the submission */
    Submission decide(Submission submission);
}
