package org.entraide.reputation.internal;

import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's privileges, checked in the submission pipeline while the plugin runs. */
@Component(service = SubmissionStep.class)
public class ReputationStepService implements SubmissionStep {
    @Reference
    private ReputationComponent main;

    @Override
    public String capability() {
        return main.reputation().privileges.capability();
    }

    @Override
    public int order() {
        return main.reputation().privileges.order();
    }

    @Override
    public Submission apply(Submission submission) {
        return main.reputation().privileges.apply(submission);
    }
}
