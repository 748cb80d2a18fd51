package org.entraide.moderation.internal.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The forms of French infinitives that threats use, folded (no accents): the future and conditional of the
 * speaker and of "on" ("tuerai", "tuera", "tuerais", "tuerait", "tuerons"), and the present of "je" ("tue"). Only
 * regular -er and -re verbs: the harm verbs of threats.txt are those.
 */
final class FrenchVerbs {
    private FrenchVerbs() {
    }

    /** The alternation {@code a|b|c} of infinitives, each replaced by its forms of that tense. */
    static String conjugate(String alternation, String tense) {
        List<String> forms = new ArrayList<>();
        for (String verb : alternation.split("\\|")) {
            forms.addAll(tense.equals("future") ? future(verb.strip()) : present(verb.strip()));
        }
        return String.join("|", forms);
    }

    private static List<String> future(String verb) {
        // "abattre" keeps "abattr-"; "tuer" keeps "tuer-"; a phrase such as "run over" is left out
        String stem = verb.endsWith("re") ? verb.substring(0, verb.length() - 1) : verb;
        if (verb.contains(" ")) {
            return List.of();
        }
        return List.of(stem + "ai", stem + "a", stem + "ais", stem + "ait", stem + "ons");
    }

    private static List<String> present(String verb) {
        if (verb.contains(" ")) {
            return List.of();
        }
        if (verb.endsWith("er")) {
            return List.of(verb.substring(0, verb.length() - 2) + "e");
        }
        return verb.endsWith("re") ? List.of(verb.substring(0, verb.length() - 2) + "s") : List.of();
    }
}
