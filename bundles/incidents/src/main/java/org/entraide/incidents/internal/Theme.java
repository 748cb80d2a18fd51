package org.entraide.incidents.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An incident's theme: keywords such as "panne paiement" or "rappel". A text matches when every word of at least one
 * keyword is among its words, compared without case nor accents ("Paiement refusé" matches "paiement refuse"), so
 * that staff write the words customers use without guessing their spelling of accents.
 */
public final class Theme {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<Set<String>> keywords;

    public Theme(List<String> keywords) {
        this.keywords = keywords.stream().map(Theme::words).filter(w -> !w.isEmpty()).toList();
    }

    /** A keyword as stored: its words, normalized, joined by one space. */
    public static String normalize(String keyword) {
        return String.join(" ", words(keyword));
    }

    public boolean matches(String text) {
        if (keywords.isEmpty() || text == null) {
            return false;
        }
        Set<String> words = new HashSet<>(words(text));
        return keywords.stream().anyMatch(words::containsAll);
    }

    private static Set<String> words(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> out = new java.util.LinkedHashSet<>(Arrays.asList(NON_WORD.split(plain)));
        out.remove("");
        return out;
    }
}
