package org.entraide.badges.internal.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.entraide.badges.internal.Bed;
import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.Test;

class BadgesCommandTest {
    private static String run(BadgesCommand command) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static BadgesCommand command(Bed bed, String brand, String badge, boolean evaluate) {
        BadgesCommand c = new BadgesCommand();
        c.badges = bed.badges;
        c.brand = brand;
        c.badge = badge;
        c.evaluate = evaluate;
        return c;
    }

    @Test
    void listsBadgesHoldersAndEvaluates() throws Exception {
        try (Bed bed = new Bed(TestDatabases.h2()).install().enable(true)) {
            Bed.Member bob = bed.register("Bob");
            bed.answer(bob, bed.ask(bed.register("Alice"), "Une question pour la console", "bricolage"));
            bed.settle();
            String list = run(command(bed, "demo", null, false));
            assertTrue(list.contains("first-answer") && list.contains("topic.answerScore >= 1000"), list);
            String holders = run(command(bed, "demo", "first-answer", false));
            assertTrue(holders.contains(String.valueOf(bob.id())), holders);
            run(command(bed, "demo", null, true));
            String again = run(command(bed, "demo", null, true));
            assertTrue(again.contains("Brand demo evaluated: 0 awards"), again);
        }
    }
}
