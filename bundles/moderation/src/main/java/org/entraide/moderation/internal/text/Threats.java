package org.entraide.moderation.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.google.re2j.Pattern;

/**
 * Threats of violence in French and English: an intent, a harm and a person as its target, or a phrase that says
 * all three. The patterns live in {@code moderation/threats.txt} (read it for what counts as a threat); they run
 * on RE2/J over the folded text ({@link TextFolder}, sentence ends kept), so matching is linear whatever the text,
 * and a match is at the same place in the original. A negation in or just before a match cancels it, and so does
 * a harmless continuation ("frapper au portefeuille", "shoot you an email"). Immutable and thread-safe.
 */
public final class Threats {
    public static final List<String> LANGUAGES = List.of("fr", "en");
    private static final java.util.regex.Pattern USE = java.util.regex.Pattern.compile("\\{([A-Z_]+)(?::(future|present))?}");
    private static final Set<String> NEGATIONS = Set.of("pas", "jamais", "not", "never", "no", "dont", "wont", "cant",
        "wouldnt", "shouldnt", "couldnt", "didnt", "doesnt");
    private static final Set<String> NEGATED_T = Set.of("don", "won", "can", "wouldn", "shouldn", "couldn", "didn", "doesn",
        "ain", "isn", "aren");
    private static final Threats SHIPPED = load("moderation/threats.txt");

    /** A threat at [start, end) of the text, and the language of the pattern that found it. */
    public record Found(int start, int end, String language) {
    }

    private record Entry(String language, Pattern pattern) {
    }

    private final List<Entry> patterns;
    private final List<Pattern> innocent;

    private Threats(List<Entry> patterns, List<Pattern> innocent) {
        this.patterns = List.copyOf(patterns);
        this.innocent = List.copyOf(innocent);
    }

    public static Threats shipped() {
        return SHIPPED;
    }

    public int size() {
        return patterns.size();
    }

    /** The threats in the text, in the given languages; at most one per place. */
    public List<Found> find(String text, Set<String> languages) {
        List<Found> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String folded = prepare(text);
        for (Entry e : patterns) {
            if (!languages.contains(e.language())) {
                continue;
            }
            com.google.re2j.Matcher m = e.pattern().matcher(folded);
            while (m.find()) {
                int s = m.start();
                int end = m.end();
                if (!negated(text, folded, s, end) && !harmless(folded, end) && !reflexive(folded, s)
                    && out.stream().noneMatch(f -> f.start() < end && s < f.end())) {
                    out.add(new Found(s, end, e.language()));
                }
            }
        }
        return out;
    }

    /** The folded text with sentence ends as "." (the folder makes every punctuation a space). */
    static String prepare(String text) {
        char[] f = TextFolder.fold(text).toCharArray();
        for (int i = 0; i < f.length; i++) {
            char o = text.charAt(i);
            if (".?;:\n\r…".indexOf(o) >= 0 || (o == '!' && f[i] != 'i')) {
                f[i] = '.';
            }
        }
        return new String(f);
    }

    /**
     * "je ne vais pas te frapper", "I'm not going to hurt anyone"; "je n'hésiterai pas à" is no negation, nor one
     * in the clause before ("si vous ne me remboursez pas, je vais…").
     */
    private static boolean negated(String text, String folded, int start, int end) {
        List<String> words = new ArrayList<>(List.of(folded.substring(start, end).trim().split(" +")));
        int comma = text.lastIndexOf(',', start - 1);
        List<String> before = comma > folded.lastIndexOf('.', start - 1) ? List.of() : wordsBefore(folded, start);
        if (!before.isEmpty()) {
            words.add(0, before.get(before.size() - 1));
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean negation = NEGATIONS.contains(w) || (w.equals("t") && i > 0 && NEGATED_T.contains(words.get(i - 1)));
            if (negation && !notANegation(words, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Negation words that do not deny the harm: "je n'hésiterai pas", "I won't think twice", "you'd better hope I
     * don't find you" (the negation is the hope's), "he'll never walk again" (the harm itself).
     */
    private static boolean notANegation(List<String> words, int i) {
        String w = words.get(i);
        String next = i + 1 < words.size() ? words.get(i + 1) : "";
        String previous = i > 0 ? words.get(i - 1) : "";
        boolean hesitate = previous.startsWith("hesit") || next.startsWith("hesit") || next.equals("think");
        int subject = w.equals("t") ? i - 2 : i - 1;
        boolean hoped = subject >= 1 && (words.get(subject).equals("i") || words.get(subject).equals("we"))
            && (words.get(subject - 1).equals("hope") || words.get(subject - 1).equals("pray"));
        boolean harm = w.equals("never") && (next.startsWith("walk") || next.startsWith("see"));
        return hesitate || hoped || harm;
    }

    /** "tu vas te casser la figure" (to fall), "vous allez vous faire du mal": the subject harms itself. */
    private static boolean reflexive(String folded, int start) {
        String first = folded.substring(start).trim().split(" +", 2)[0];
        List<String> before = wordsBefore(folded, start);
        List<String> near = before.subList(Math.max(0, before.size() - 3), before.size());
        return ((first.equals("te") || first.equals("t")) && (near.contains("tu") || near.contains("t")))
            || (first.equals("vous") && near.contains("vous"));
    }

    private boolean harmless(String folded, int end) {
        int stop = folded.indexOf('.', end);
        String after = folded.substring(end, stop < 0 ? folded.length() : stop).trim().replaceAll(" +", " ");
        return !after.isEmpty() && innocent.stream().anyMatch(p -> p.matcher(after).find());
    }

    /** The words before a place, back to the start of its sentence. */
    private static List<String> wordsBefore(String folded, int start) {
        int from = folded.lastIndexOf('.', start - 1) + 1;
        String part = folded.substring(from, start).trim();
        return part.isEmpty() ? List.of() : List.of(part.split(" +"));
    }

    static Threats load(String resource) {
        try (InputStream in = Threats.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the file format described at the top of threats.txt. */
    static Threats parse(String source) {
        Map<String, String> groups = new LinkedHashMap<>();
        List<Entry> patterns = new ArrayList<>();
        List<Pattern> innocent = new ArrayList<>();
        for (String line : source.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                int eq = line.indexOf('=');
                groups.put(line.substring(1, eq).strip(), expand(line.substring(eq + 1).strip(), groups));
            } else if (line.startsWith("innocent:")) {
                innocent.add(compile(line.substring(9).strip(), groups));
            } else if (line.length() > 3 && LANGUAGES.contains(line.substring(0, 2)) && line.charAt(2) == ':') {
                patterns.add(new Entry(line.substring(0, 2), compile(line.substring(3).strip(), groups)));
            } else {
                throw new IllegalStateException("threats: cannot read line '" + line + "'");
            }
        }
        return new Threats(patterns, innocent);
    }

    private static Pattern compile(String pattern, Map<String, String> groups) {
        return Pattern.compile(expand(pattern, groups).replace(" ", " +"));
    }

    private static String expand(String text, Map<String, String> groups) {
        Matcher m = USE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String group = groups.get(m.group(1));
            if (group == null) {
                throw new IllegalStateException("threats: unknown group {" + m.group(1) + "}");
            }
            String value = m.group(2) == null ? group : FrenchVerbs.conjugate(group, m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
