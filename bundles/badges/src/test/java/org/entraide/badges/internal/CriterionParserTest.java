package org.entraide.badges.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.entraide.badges.internal.criteria.Criterion;
import org.entraide.badges.internal.criteria.CriterionParser;
import org.entraide.badges.internal.criteria.InvalidCriterion;
import org.entraide.badges.internal.criteria.ScopeKind;
import org.junit.jupiter.api.Test;

class CriterionParserTest {
    private static boolean eval(String criterion, Map<String, Long> metrics) {
        return CriterionParser.parse(criterion).test(m -> metrics.getOrDefault(m, 0L));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        Map<String, Long> m = Map.of("answers", 5L, "answerScore", 0L, "questions", 1L);
        assertTrue(eval("user.answers >= 5 or user.answerScore > 10 and user.questions > 3", m), "a or (b and c)");
        assertFalse(eval("(user.answers >= 5 or user.answerScore > 10) and user.questions > 3", m), "(a or b) and c");
        assertTrue(eval("user.questions == 1 and user.answers != 4 and user.answers < 6 and user.answers <= 5", m));
        assertEquals(ScopeKind.TOPIC, CriterionParser.kindOf(CriterionParser.parse("topic.answerScore >= 100 and topic.answers >= 20")));
        assertEquals(2, CriterionParser.parse("(topic.answers >= 1) or topic.questions > 2").comparisons().size());
    }

    @Test
    void errorsSayWhatAndWhere() {
        InvalidCriterion unknown = assertThrows(InvalidCriterion.class, () -> CriterionParser.parse("user.answers >= 1 and user.votes > 2"));
        assertTrue(unknown.getMessage().contains("unknown metric 'votes'"), unknown.getMessage());
        assertEquals(27, unknown.position());
        for (String bad : List.of("", "user.answers", "user.answers >= x", "user.answers = 3", "(user.answers > 1",
            "user.answers > 1 user.questions > 2", "store.answers > 1", "answers > 1", "user.answers > -1",
            "user.answers > 1 and", "user.answers > 1; drop table", "x".repeat(501))) {
            assertThrows(InvalidCriterion.class, () -> CriterionParser.parse(bad), "refused: " + bad);
        }
        String many = String.join(" or ", java.util.Collections.nCopies(21, "user.answers > 1"));
        assertThrows(InvalidCriterion.class, () -> CriterionParser.parse(many), "at most 20 comparisons");
    }

    @Test
    void theShippedDefinitionsParseAndCoverTheRequiredBadges() throws Exception {
        List<BadgeDefinition> shipped = Definitions.parseFile(Files.readAllBytes(Path.of("../../config/entraide-badges.json")));
        assertTrue(shipped.size() >= 20, "at least 20 shipped badges: " + shipped.size());
        List<String> keys = shipped.stream().map(BadgeDefinition::key).toList();
        assertTrue(keys.containsAll(List.of("first-answer", "first-accepted-answer", "nice-answer", "good-answer",
            "great-answer", "nice-question", "good-question", "great-question", "topic-expert-bronze",
            "topic-expert-silver", "topic-expert-gold", "helpful-flagger", "enthusiast", "local-helper")), keys.toString());
        Criterion gold = shipped.get(keys.indexOf("topic-expert-gold")).parsed();
        assertFalse(gold.test(m -> m.equals("answerScore") ? 1000 : 199));
        assertTrue(gold.test(m -> m.equals("answerScore") ? 1000 : 200));
    }

    @Test
    void anEditedFileIsNoticedAndABrokenOneKeepsTheLastGoodSet() throws Exception {
        Path file = Files.createTempFile("badges", ".json");
        Files.writeString(file, "{\"badges\":[" + BadgeScenarios.badge("one", "user.answers >= 1", "") + "]}");
        Definitions d = new Definitions(file);
        String first = d.stamp();
        Files.writeString(file, "{\"badges\":[" + BadgeScenarios.badge("one", "user.answers >= 1", "") + ","
            + BadgeScenarios.badge("two", "user.answers >= 2", "") + "]}");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertTrue(d.refresh(), "a changed file is read again");
        assertFalse(first.equals(d.stamp()));
        Files.writeString(file, "{\"badges\":[" + BadgeScenarios.badge("bad", "user.nope >= 1", "") + "]}");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10000));
        String good = d.stamp();
        assertFalse(d.refresh(), "an invalid file is not used");
        assertEquals(good, d.stamp());
    }
}
