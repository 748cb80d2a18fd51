package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.moderation.internal.store.RuleSets;
import org.junit.jupiter.api.Test;

/**
 * The shipped rule sets never target negativity, and catch abuse, spam and threats: the corpora of
 * docs/moderation.md.
 */
class CorporaTest {
    private final Engine engine = new Engine();

    static List<String> corpus(String name) throws IOException {
        try (InputStream in = CorporaTest.class.getResourceAsStream("/corpora/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private Verdict verdict(String text) {
        return engine.apply(RuleSets.shipped(), Candidate.text("COMPLAINT", null, text));
    }

    /** The texts of the corpus (of at least {@code min} texts) whose verdict is not the expected one, with it. */
    private List<String> unexpected(String name, int min, BiPredicate<String, Verdict> expected) throws IOException {
        List<String> texts = corpus(name);
        assertTrue(texts.size() >= min, "at least " + min + " texts in " + name + ": " + texts.size());
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            Verdict v = verdict(t);
            if (!expected.test(t, v)) {
                out.add(t + " -> " + v.decision() + " " + v.fired());
            }
        }
        return out;
    }

    private static boolean untouched(String text, Verdict v) {
        return v.decision().equals("PUBLISH") && v.body().equals(text) && !v.flagged() && v.fired().isEmpty();
    }

    @Test
    void harshButLegitimateComplaintsArePublishedUntouched() throws IOException {
        assertEquals(List.of(), unexpected("legitimate-complaints.txt", 50, CorporaTest::untouched),
            "every legitimate complaint passes untouched");
    }

    @Test
    void abuseAndSpamAreCaught() throws IOException {
        assertEquals(List.of(), unexpected("abusive-or-spam.txt", 50, (t, v) -> !v.decision().equals("PUBLISH") || !v.body().equals(t)),
            "every abusive or spam message is held, blocked or changed");
    }

    @Test
    void threatsOfViolenceAreHeldInFrenchAndEnglish() throws IOException {
        assertEquals(List.of(), unexpected("threats.txt", 40,
            (t, v) -> v.held() && v.fired().stream().anyMatch(f -> f.rule().equals("threats"))),
            "every threat is held by the threats rule");
    }

    @Test
    void harshComplaintsNearThreatsArePublishedUntouched() throws IOException {
        assertEquals(List.of(), unexpected("harsh-not-threats.txt", 40, CorporaTest::untouched),
            "no harsh complaint is taken for a threat");
    }
}
