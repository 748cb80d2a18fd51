package org.entraide.core.internal.plugin;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.core.internal.post.SubmissionGate;

/**
 * The submission pipeline: the Camel route {@value #ENDPOINT} runs the steps plugins contributed, in order,
 * skipping those whose capability the brand disabled. With no step installed, nothing goes through Camel.
 */
public final class SubmissionPipeline implements SubmissionGate {
    public static final String ENDPOINT = "direct:entraide.submission";

    private final BrandFeatures features;
    private final List<SubmissionStep> steps = new CopyOnWriteArrayList<>();
    private volatile ProducerTemplate template;

    public SubmissionPipeline(BrandFeatures features) {
        this.features = features;
    }

    public void add(SubmissionStep step) {
        steps.add(step);
    }

    public void remove(SubmissionStep step) {
        steps.remove(step);
    }

    public void connect(ProducerTemplate producer) {
        this.template = producer;
    }

    @Override
    public Submission decide(Submission submission) {
        ProducerTemplate t = template;
        if (steps.isEmpty() || t == null) {
            return runSteps(submission);
        }
        try {
            return t.requestBody(ENDPOINT, submission, Submission.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    Submission runSteps(Submission submission) {
        Submission s = submission;
        List<SubmissionStep> ordered = steps.stream().sorted(Comparator.comparingInt(SubmissionStep::order)).toList();
        for (SubmissionStep step : ordered) {
            if (step.capability() == null || features.isEnabled(s.brandId(), step.capability())) {
                s = step.apply(s);
            }
        }
        return s;
    }

    public RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // A refusal is an answer to the member, not an error: let it reach the caller unlogged.
                errorHandler(noErrorHandler());
                from(ENDPOINT).routeId("submission.pipeline")
                    .process(e -> e.getMessage().setBody(runSteps(e.getIn().getBody(Submission.class))));
            }
        };
    }
}
