package org.entraide.reputation.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.action.Action;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.reputation.internal.Testbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reputation:* shell commands, run as Karaf runs them once their references are injected. */
class ReputationShellCommandsTest {
    Testbed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new Testbed(TestDatabases.h2()).install(Testbed.settings()).enable();
        bed.settle();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    String run(Action command) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showPrintsTheTotalAndTheLatestEntries() throws Exception {
        ShowCommand show = new ShowCommand();
        show.plugin = org.entraide.reputation.internal.ReputationComponent.running(bed.reputation);
        show.userId = bed.member("lucas@demo.example").id();
        String out = run(show);
        assertTrue(out.startsWith("Lucas (brand " + bed.demo.id() + "): 31 reputation"), out);
        assertTrue(out.contains("answer-accepted") && out.contains("answer-upvoted") && out.contains("question-upvoted"), out);
    }

    @Test
    void recomputeReportsAndAppliesUnlessDryRun() throws Exception {
        bed.http.put(Testbed.DEMO + "/reputation/points", bed.admin, "{\"answer-accepted\":25}");
        RecomputeCommand recompute = new RecomputeCommand();
        recompute.plugin = org.entraide.reputation.internal.ReputationComponent.running(bed.reputation);
        recompute.brand = "demo";
        recompute.dryRun = true;
        String dry = run(recompute);
        assertTrue(dry.startsWith("Dry run: nothing written.") && dry.contains("Lucas") && dry.contains("+10"), dry);
        assertEquals(31, bed.reputation(bed.member("lucas@demo.example")));
        recompute.dryRun = false;
        assertTrue(run(recompute).startsWith("Recomputed."));
        assertEquals(41, bed.reputation(bed.member("lucas@demo.example")));
        recompute.brand = "nowhere";
        assertEquals("", run(recompute), "an unknown brand is an error message, not a table");
    }

    @Test
    void serialVotingListsPairsThatVoteTooMuchForEachOther() throws Exception {
        bed.letEveryoneVote();
        Testbed.Member fan = bed.register("Fan");
        Testbed.Member idol = bed.register("Idol");
        for (int i = 0; i < 11; i++) {
            bed.vote(fan, bed.ask(idol, "Question numéro " + i + " sur le jardinage"), 1);
        }
        bed.settle();
        SerialVotingCommand command = new SerialVotingCommand();
        command.plugin = org.entraide.reputation.internal.ReputationComponent.running(bed.reputation);
        command.brand = "demo";
        String out = run(command);
        assertTrue(out.contains(String.valueOf(fan.id())) && out.contains("burst") && out.contains("11"), out);
    }
}
