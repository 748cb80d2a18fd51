package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.moderation.internal.store.RuleSets;
import org.junit.jupiter.api.Test;

/** The shipped rule sets never target negativity, and catch abuse and spam: the two corpora of docs/moderation.md. */
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

    @Test
    void harshButLegitimateComplaintsArePublishedUntouched() throws IOException {
        List<String> texts = corpus("legitimate-complaints.txt");
        assertTrue(texts.size() >= 50, "at least 50 complaints: " + texts.size());
        List<String> touched = new ArrayList<>();
        for (String t : texts) {
            Verdict v = verdict(t);
            if (!v.decision().equals("PUBLISH") || !v.body().equals(t) || v.flagged() || !v.fired().isEmpty()) {
                touched.add(t + " -> " + v.decision() + " " + v.fired());
            }
        }
        assertEquals(List.of(), touched, "every legitimate complaint passes untouched");
    }

    @Test
    void abuseAndSpamAreCaught() throws IOException {
        List<String> texts = corpus("abusive-or-spam.txt");
        assertTrue(texts.size() >= 50, "at least 50 messages: " + texts.size());
        List<String> missed = new ArrayList<>();
        for (String t : texts) {
            Verdict v = verdict(t);
            if (v.decision().equals("PUBLISH") && v.body().equals(t)) {
                missed.add(t);
            }
        }
        assertEquals(List.of(), missed, "every abusive or spam message is held, blocked or changed");
    }
}
