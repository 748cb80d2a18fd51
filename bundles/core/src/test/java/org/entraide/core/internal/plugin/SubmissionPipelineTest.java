package org.entraide.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.security.Caller;
import org.junit.jupiter.api.Test;

class SubmissionPipelineTest {
    private final List<String> ran = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private SubmissionStep step(String name, String capability, int order) {
        return new SubmissionStep() {
            @Override
            public String capability() {
                return capability;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Submission apply(Submission s) {
                ran.add(name);
                threads.add(Thread.currentThread());
                return s.withState(s.state(), name);
            }
        };
    }

    @Test
    void stepsRunInOrderOnTheCallersThreadSkippingDisabledCapabilities() {
        SubmissionPipeline pipeline = new SubmissionPipeline((brand, capability) -> "moderation".equals(capability));
        pipeline.add(step("late", null, 300));
        pipeline.add(step("rules", "moderation", 100));
        pipeline.add(step("privileges", "reputation", 200));
        Submission s = new Submission(1, Submission.Kind.POST, new Caller(7, 1, "demo", "Ana", Set.of(Role.CUSTOMER), Set.of()),
            PostType.QUESTION, null, "A title", "A body", 0, PublicationState.PUBLISHED, List.of());

        Submission decided = pipeline.decide(s);
        assertEquals(List.of("rules", "late"), ran, "in order, reputation's step skipped: the brand has it off");
        assertEquals(List.of("rules", "late"), decided.notes());
        threads.forEach(t -> assertSame(Thread.currentThread(), t, "no hop: the caller's thread, so its transaction"));
    }
}
