package org.entraide.core.internal.plugin;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.core.internal.post.SubmissionGate;

/**
 * The submission pipeline: the steps plugins contributed, run in order on the caller's thread and in its
 * transaction, skipping those whose capability the brand disabled. It is called directly, never through a Camel
 * hop: what a step writes must commit or roll back with the post, whichever thread Camel would have used.
 */
public final class SubmissionPipeline implements SubmissionGate {
    private final BrandFeatures features;
    private final List<SubmissionStep> steps = new CopyOnWriteArrayList<>();

    public SubmissionPipeline(BrandFeatures features) {
        this.features = features;
    }

    public void add(SubmissionStep step) {
        steps.add(step);
    }

    public void remove(SubmissionStep step) {
        steps.remove(step);
    }

    @Override
    public Submission decide(Submission submission) {
        Submission s = submission;
        List<SubmissionStep> ordered = steps.stream().sorted(Comparator.comparingInt(SubmissionStep::order)).toList();
        for (SubmissionStep step : ordered) {
            if (step.capability() == null || features.isEnabled(s.brandId(), step.capability())) {
                s = step.apply(s);
            }
        }
        return s;
    }
}
