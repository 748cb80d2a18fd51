package org.entraide.incidents.internal.detect;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups of similar texts, the detection's fourth kind of scope ({@code words:<word>}): a post counts in the group of
 * each significant word of its title, so that a burst of posts sharing a word across many stores (a national outage,
 * a recall) rises over that word's own baseline even when no store does. A common word has a high baseline and needs
 * many posts; a rare one ("rappel") rises with a few, which is why no weighting of rarity is needed beside the baseline.
 *
 * <p>The words are the title's, lowercased, without accents, of at least {@value #MIN_LENGTH} letters, neither a
 * number nor a French or English stop word, the first {@value #MAX_WORDS} of them (titles say what a post is about;
 * bodies would multiply the counts for little). The search plugin's analysis is not used: it is not part of the API
 * and the detection must work without it.
 */
public final class SimilarTexts {
    public static final String PREFIX = "words:";
    static final int MIN_LENGTH = 4;
    static final int MAX_WORDS = 4;
    /** Keeps a post's scopes within inc_counted.scopes (300 characters) with its store, region and topic. */
    static final int MAX_LENGTH = 30;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NUMBER = Pattern.compile("\\p{N}+");
    /** Words of four letters or more that say nothing of a subject, accents removed. */
    private static final Set<String> STOP = Set.of(
        // French
        "avec", "sans", "pour", "dans", "chez", "sous", "vers", "entre", "depuis", "pendant", "avant", "apres", "encore",
        "toujours", "jamais", "aussi", "mais", "donc", "alors", "comme", "quand", "puis", "plus", "moins", "tres", "trop",
        "bien", "tout", "tous", "toute", "toutes", "rien", "cette", "ceci", "cela", "celui", "celle", "ceux", "leur",
        "leurs", "notre", "votre", "nous", "vous", "elle", "elles", "suis", "sont", "etait", "etre", "avoir", "avait",
        "fait", "faire", "peut", "peux", "veux", "merci", "bonjour", "bonsoir", "madame", "monsieur", "quoi", "quel",
        "quelle", "quels", "quelles", "pourquoi", "comment", "hier", "aujourd", "probleme", "question",
        "reclamation", "magasin", "jour", "jours", "fois", "hors",
        // English
        "with", "without", "from", "into", "about", "after", "before", "again", "still", "never", "also", "there",
        "their", "they", "them", "this", "that", "these", "those", "what", "when", "where", "which", "while", "have",
        "been", "were", "will", "would", "could", "should", "your", "yours", "very", "just", "only", "some", "more",
        "most", "thanks", "thank", "hello", "please", "today", "yesterday", "problem", "issue", "complaint", "store",
        "shop", "does", "doesn", "didn", "cannot", "dont");

    private SimilarTexts() {
    }

    /** The scopes of a title: {@code words:<word>} for each of its first significant words. */
    public static List<String> scopes(String title) {
        return words(title).stream().map(w -> PREFIX + w).toList();
    }

    static List<String> words(String title) {
        if (title == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (String word : NON_WORD.split(plain)) {
            if (word.length() >= MIN_LENGTH && !NUMBER.matcher(word).matches() && !STOP.contains(word)) {
                out.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
                if (out.size() == MAX_WORDS) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }
}
