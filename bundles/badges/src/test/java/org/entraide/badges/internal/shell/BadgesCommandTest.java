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
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static BadgesCommand command(Bed bed, String brand, String badge, boolean evaluate) {
        BadgesCommand c = new BadgesCommand();
        c.plugin = org.entraide.badges.internal.BadgesComponent.running(bed.badges);
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

    @Test
    void aBadgeKeyIsLookedUpInTheBrandNamed() throws Exception {
        try (Bed bed = new Bed(TestDatabases.h2()).install().enable(true)) {
            String acme = bed.otherBrand("acme");
            var r = bed.http.send(bed.http.builder("/api/v1/brands/acme/badges", acme).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"key\":\"acme-only\",\"tier\":\"gold\","
                    + "\"criterion\":\"user.answers >= 1\",\"name\":{\"fr\":\"A\",\"en\":\"A\"},"
                    + "\"description\":{\"fr\":\"A\",\"en\":\"A\"}}")));
            assertTrue(r.status() == 201, r.toString());
            assertTrue(run(command(bed, "acme", "acme-only", false)).contains("0 holder(s) of acme-only in acme"));
            String elsewhere = run(command(bed, "demo", "acme-only", false));
            assertTrue(elsewhere.contains("No badge 'acme-only' in brand demo"), "another brand's badge is unknown: " + elsewhere);
            assertTrue(run(command(bed, "demo", "no-such-badge", false)).contains("No badge 'no-such-badge'"));
        }
    }
}
