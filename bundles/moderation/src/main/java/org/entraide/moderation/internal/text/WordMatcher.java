package org.entraide.moderation.internal.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds watched words and phrases in a text in one pass, whatever their number: an Aho-Corasick automaton
 * (org.ahocorasick, maintained, linear in the text) over the folded terms, matching whole words only. Immutable
 * and thread-safe once built. Each term also matches its plural in -s.
 */
public final class WordMatcher {
    /** A watched term found in the original text, at [start, end). */
    public record Match(int start, int end, String term) {
    }

    private final Trie trie;
    private final int size;

    public WordMatcher(Collection<String> terms) {
        Set<String> folded = new LinkedHashSet<>();
        for (String t : terms) {
            String f = TextFolder.fold(t.strip()).strip().replaceAll(" +", " ");
            if (f.length() >= 2) {
                folded.add(f);
                // plurals: "connards", "bastards" (the lists hold singulars)
                if (f.length() >= 4 && Character.isLetter(f.charAt(f.length() - 1)) && !f.endsWith("s") && !f.endsWith("x")) {
                    folded.add(f + "s");
                }
            }
        }
        this.size = folded.size();
        this.trie = Trie.builder().onlyWholeWords().addKeywords(folded).build();
    }

    public int size() {
        return size;
    }

    public List<Match> find(String text) {
        List<Match> out = new ArrayList<>();
        if (size == 0 || text == null || text.isEmpty()) {
            return out;
        }
        for (Emit e : trie.parseText(TextFolder.fold(text))) {
            out.add(new Match(e.getStart(), e.getEnd() + 1, e.getKeyword()));
        }
        return out;
    }
}
