package org.entraide.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.entraide.api.model.PostType;
import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/** A plugin service that plays several roles is bound in each of them, and unbound from each. */
class PluginWhiteboardTest {
    /** One object, two roles, as a plugin may register it under both interfaces. */
    static final class Both implements EventSubscriber, SubmissionStep {
        @Override
        public SubscriberDescriptor descriptor() {
            return new SubscriberDescriptor("both-roles", null, "direct:both-roles", StartFrom.NOW, Set.of(), 3);
        }

        @Override
        public String capability() {
            return null;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public Submission apply(Submission s) {
            return s.withState(s.state(), "seen by both-roles");
        }
    }

    @Test
    void aServiceWithSeveralRolesGetsEachOfThem() throws Exception {
        try (TestServer server = new TestServer(TestDatabases.h2(), CoreSettings.defaults())) {
            PluginWhiteboard board = new PluginWhiteboard();
            board.bindCore(server.core);
            board.activate();
            Both both = new Both();
            board.bindSubscriber(both);
            board.bindStep(both);
            assertTrue(server.core.dispatcher.subscribers().containsKey("both-roles"), "bound as a subscriber");
            Caller caller = new Caller(1, 1, "demo", "x", Set.of(Role.CUSTOMER), Set.of());
            Submission s = new Submission(1, Submission.Kind.POST, caller, PostType.QUESTION, null, "t", "b", 0,
                PublicationState.PUBLISHED, List.of());
            assertEquals(List.of("seen by both-roles"), server.core.pipeline.decide(s).notes(), "and as a step");
            board.unbindStep(both);
            assertTrue(server.core.pipeline.decide(s).notes().isEmpty(), "the step leaves");
            board.unbindSubscriber(both);
            assertFalse(server.core.dispatcher.subscribers().containsKey("both-roles"), "the subscriber leaves");
        }
    }
}
