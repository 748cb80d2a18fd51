package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.entraide.api.problem.ProblemException;
import org.entraide.moderation.internal.rules.Action;
import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.Rule;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.rules.Verdict;
import org.entraide.moderation.internal.text.PersonalData;
import org.entraide.moderation.internal.text.TextFolder;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final Engine engine = new Engine();

    private static Rule rule(String name, Action action, Map<String, Object> condition) {
        return new Rule("rule-" + name, condition, action, new Rule.Reason("raison " + name, "reason " + name));
    }

    private static Map<String, Object> words(String... terms) {
        return Map.of("type", "words", "terms", List.of(terms));
    }

    private Verdict run(String body, Rule... rules) {
        return engine.apply(List.of(new RuleSet("test", null, true, List.of(rules))), Candidate.text("QUESTION", "Titre", body));
    }

    @Test
    void actionsApplyInTheirOrder() {
        Verdict blockWins = run("spam et injure", rule("h", Action.HOLD, words("injure")), rule("b", Action.BLOCK, words("spam")));
        assertEquals("BLOCK", blockWins.decision());
        assertEquals(List.of(Action.BLOCK, Action.HOLD), blockWins.fired().stream().map(Verdict.Fired::action).toList(),
            "fired rules are listed in the order their actions apply");
        Verdict held = run("écrivez à jean.dupont@example.com, injure", rule("h", Action.HOLD, words("injure")),
            rule("r", Action.REDACT, Map.of("type", "personalData", "kinds", List.of("email"))),
            rule("c", Action.CENSOR, words("injure")), rule("f", Action.FLAG, words("injure")),
            rule("t", Action.TAG, words("injure")));
        assertEquals("HOLD", held.decision());
        assertEquals("écrivez à [masqué par la modération], i*****", held.body(), "redacted and censored");
        assertTrue(held.flagged());
        assertEquals(List.of("rule-t"), held.tags());
        assertEquals("PUBLISH", run("rien à signaler", rule("h", Action.HOLD, words("injure"))).decision());
        Verdict inactive = engine.apply(List.of(new RuleSet("off", null, false, List.of(rule("b", Action.BLOCK, words("spam"))))),
            Candidate.text("QUESTION", null, "spam"));
        assertEquals("PUBLISH", inactive.decision(), "inactive rule sets do not apply");
    }

    @Test
    void foldingCatchesAccentsCaseAndLeetButNotPlainNumbers() {
        assertEquals("abruti", TextFolder.fold("@brut1"));
        assertEquals("espece d abruti  ", TextFolder.fold("Espèce d'ABRUTI!!"));
        assertEquals("455 ", TextFolder.fold("455 "), "digits alone stay digits: 455 € is not 'ass'");
        assertEquals("HOLD", run("Quel @BRÛT1 !", rule("h", Action.HOLD, words("abruti"))).decision());
        assertEquals("PUBLISH", run("j'ai payé 455 euros", rule("h", Action.HOLD, words("ass"))).decision());
        assertEquals("PUBLISH", run("la classe", rule("h", Action.HOLD, words("ass"))).decision(), "whole words only");
    }

    @Test
    void personalDataIsFoundAndChecked() {
        List<String> kinds = PersonalData.find("mail a.b@c.fr, tél 06 12 34 56 78 ou +33 6 12 34 56 78, "
            + "IBAN FR76 3000 6000 0112 3456 7890 189, carte 4970 1012 3456 7893").stream().map(PersonalData.Found::kind).toList();
        assertEquals(List.of("email", "iban", "card", "phone", "phone"), kinds);
        assertTrue(PersonalData.find("IBAN FR76 3000 6000 0112 3456 7890 188").stream().noneMatch(f -> f.kind().equals("iban")),
            "a wrong IBAN check is not an IBAN (its digits in groups are masked as a card number)");
        assertTrue(PersonalData.find("commande 4970101234567894").stream().noneMatch(f -> f.kind().equals("card")),
            "an ungrouped number failing Luhn is not a card (grouped ones are: CardNumbersTest)");
        assertTrue(PersonalData.find("référence 2024-11-23, 3 articles à 19,99 €").isEmpty());
    }

    @Test
    void regexIsLinearAndInvalidOnesAreRefused() {
        String evil = "a".repeat(50_000) + "!";
        // a backtracking engine takes exponential time to find that this does not match; RE2/J is linear
        assertEquals("PUBLISH", run(evil, rule("r", Action.HOLD, Map.of("type", "regex", "pattern", "(a+)+$"))).decision());
        assertEquals("HOLD", run(evil, rule("r", Action.HOLD, Map.of("type", "regex", "pattern", "(a+)+!$"))).decision());
        ProblemException bad = assertThrows(ProblemException.class, () -> new RuleSet("x", null, true,
            List.of(rule("r", Action.HOLD, Map.of("type", "regex", "pattern", "(unclosed")))));
        assertEquals(422, bad.status());
        assertEquals("rules[0].condition", bad.errors().get(0).field());
        assertThrows(ProblemException.class, () -> new RuleSet("x", null, true,
            List.of(rule("r", Action.HOLD, Map.of("type", "nothing")))));
        assertThrows(ProblemException.class, () -> new RuleSet("x", null, true,
            List.of(rule("r", Action.HOLD, Map.of("type", "words", "lists", List.of("klingon"))))));
        assertThrows(ProblemException.class, () -> new RuleSet("x", null, true, List.of()));
    }

    @Test
    void authorConditionsUseTheAuthorsHistory() {
        RuleSet set = new RuleSet("spam", null, true, List.of(
            rule("links", Action.HOLD, Map.of("type", "all", "of", List.of(Map.of("type", "newAuthor", "firstPosts", 3,
                "accountAgeHours", 24), Map.of("type", "links", "max", 0)))),
            rule("repeated", Action.BLOCK, Map.of("type", "repeated", "max", 2)),
            rule("burst", Action.BLOCK, Map.of("type", "rate", "perHour", 30))));
        String link = "voir https://example.com";
        assertEquals("HOLD", engine.apply(List.of(set), new Candidate("ANSWER", null, link, 0, 1000, 0, 0)).decision());
        assertEquals("HOLD", engine.apply(List.of(set), new Candidate("ANSWER", null, link, 10, 2, 0, 0)).decision());
        assertEquals("PUBLISH", engine.apply(List.of(set), new Candidate("ANSWER", null, link, 10, 1000, 0, 0)).decision());
        assertEquals("BLOCK", engine.apply(List.of(set), new Candidate("ANSWER", null, "x", 10, 1000, 0, 2)).decision());
        assertEquals("BLOCK", engine.apply(List.of(set), new Candidate("ANSWER", null, "x", 10, 1000, 30, 0)).decision());
        assertFalse(engine.apply(List.of(set), new Candidate("ANSWER", null, "x", 10, 1000, 29, 1)).blocked());
    }
}
