package org.entraide.moderation.internal;

import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's rules before publication, in the submission pipeline while the plugin runs. */
@Component(service = SubmissionStep.class)
public class ModerationStepService implements SubmissionStep {
    @Reference
    private ModerationComponent main;

    @Override
    public String capability() {
        return main.moderation().step.capability();
    }

    @Override
    public int order() {
        return main.moderation().step.order();
    }

    @Override
    public Submission apply(Submission submission) {
        return main.moderation().step.apply(submission);
    }
}
