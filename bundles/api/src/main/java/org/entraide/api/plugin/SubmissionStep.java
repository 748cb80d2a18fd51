package org.entraide.api.plugin;

/**
 * A step of the submission pipeline, run before a post or an action is stored. Plugins implement it and
 * register it as an OSGi service. The pipeline (a Camel route) calls the steps whose capability is enabled
 * for the brand, in ascending {@link #order()}, on the request thread and inside the write transaction, so a
 * step may read the database through {@code Transactions}. A step returns the submission, possibly changed;
 * to refuse it, it throws a {@link org.entraide.api.problem.ProblemException} (403 for a missing privilege,
 * 422 for a blocked text), which the member sees.
 */
public interface SubmissionStep {
    /** The capability that must be enabled for the brand; null runs for every brand. */
    String capability();

    /** Lower runs first. Privileges use 100, moderation 200. */
    int order();

    Submission apply(Submission submission);
}
