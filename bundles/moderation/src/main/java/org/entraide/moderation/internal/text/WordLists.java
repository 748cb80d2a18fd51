package org.entraide.moderation.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word lists shipped with the plugin (resources moderation/*.txt, with their licenses), minus the words of
 * moderation/allowed.txt: ordinary words that some lists count as rude ("god", "balls") and that customers use
 * in legitimate complaints. Matchers are built once per combination of lists and terms, and cached.
 */
public final class WordLists {
    public static final List<String> NAMES = List.of("fr-badwords", "en-badwords");
    private static final Map<String, List<String>> LISTS = new ConcurrentHashMap<>();
    private static final Map<String, WordMatcher> MATCHERS = new ConcurrentHashMap<>();

    private WordLists() {
    }

    public static WordMatcher matcher(List<String> lists, List<String> terms) {
        for (String name : lists) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown word list '" + name + "'; known: " + NAMES);
            }
        }
        if (terms.size() > 20_000 || terms.stream().anyMatch(t -> t.length() > 100)) {
            throw new IllegalArgumentException("at most 20,000 terms of 100 characters");
        }
        return MATCHERS.computeIfAbsent(lists + "|" + String.join("\n", terms), k -> {
            List<String> all = new ArrayList<>(terms);
            lists.forEach(name -> all.addAll(list(name)));
            java.util.Set<String> allowed = new java.util.HashSet<>();
            list("allowed").forEach(a -> allowed.add(TextFolder.fold(a).strip()));
            all.removeIf(t -> allowed.contains(TextFolder.fold(t).strip()));
            return new WordMatcher(all);
        });
    }

    public static List<String> list(String name) {
        return LISTS.computeIfAbsent(name, n -> {
            try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream("moderation/" + n + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing word list moderation/" + n + ".txt");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
