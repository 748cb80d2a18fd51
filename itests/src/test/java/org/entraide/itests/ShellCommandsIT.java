package org.entraide.itests;

import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.entraide.itests.support.Shell;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/** The entraide:* shell commands of the core, in a real Karaf. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT extends EntraideKarafTestSupport {
    @Inject
    @Filter(timeout = 180_000)
    SessionFactory sessions;

    @Test
    public void operatorsSeeSubscribersFeaturesAndDeadLetters() {
        api();
        Shell shell = new Shell(sessions);
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> shell.run("entraide:subscribers").contains("Subscriber"));
        String features = shell.run("entraide:features demo");
        assertTrue(features, features.contains("Capability"));
        String unknown = shell.run("entraide:features nosuchbrand");
        assertTrue("a clear message for an unknown brand: " + unknown, unknown.contains("No brand 'nosuchbrand'"));
        String bad = shell.run("entraide:features demo enable nothing");
        assertTrue("a clear message for an unknown capability: " + bad, bad.contains("No capability 'nothing'"));
        assertTrue(shell.run("entraide:dead-letters").contains("Subscriber"));
        String replay = shell.run("entraide:replay 424242");
        assertTrue(replay, replay.contains("Cannot replay dead letter 424242"));
    }
}
