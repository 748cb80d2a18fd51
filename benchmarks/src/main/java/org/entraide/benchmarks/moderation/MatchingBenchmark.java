package org.entraide.benchmarks.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.store.RuleSets;
import org.entraide.moderation.internal.text.TextFolder;
import org.entraide.moderation.internal.text.WordLists;
import org.entraide.moderation.internal.text.WordMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Moderation's word matching on one core: a 2 KB post against every shipped word (2,881 French and English
 * entries, folded, with plurals) plus 10,000 more terms, with the Aho-Corasick matcher the plugin uses, against
 * the naive alternative of one alternation regex of the same words (java.util.regex), and the whole shipped
 * rule sets (words, personal data, spam regex, links) as the submission step runs them.
 *
 * <pre>java -cp benchmarks/target/entraide-benchmarks.jar org.openjdk.jmh.Main MatchingBenchmark -t 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MatchingBenchmark {
    private WordMatcher matcher;
    private Pattern alternation;
    private Engine engine;
    private List<RuleSet> shipped;
    private String post;
    private int expected;

    @Setup
    public void setUp() {
        List<String> terms = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            StringBuilder t = new StringBuilder();
            int len = 5 + random.nextInt(8);
            for (int k = 0; k < len; k++) {
                t.append((char) ('a' + random.nextInt(26)));
            }
            terms.add(t.toString());
        }
        matcher = WordLists.matcher(WordLists.NAMES, terms);
        List<String> all = new ArrayList<>(terms);
        WordLists.NAMES.forEach(n -> all.addAll(WordLists.list(n)));
        StringBuilder alt = new StringBuilder("\\b(?:");
        all.stream().map(t -> TextFolder.fold(t).strip()).filter(t -> t.length() >= 2).distinct()
            .forEach(t -> alt.append(Pattern.quote(t)).append('|'));
        alt.setLength(alt.length() - 1);
        alternation = Pattern.compile(alt.append(")\\b").toString());
        String sentence = "Commande passée le 3 novembre au magasin de Lyon, livraison annoncée sous cinq jours ouvrés, "
            + "toujours rien reçu et le service client ne répond pas. Quel connard ce conseiller au téléphone. ";
        StringBuilder p = new StringBuilder();
        while (p.length() < 2048) {
            p.append(sentence);
        }
        post = p.substring(0, 2048);
        engine = new Engine();
        shipped = RuleSets.shipped();
        expected = matcher.find(post).size();
        if (expected == 0 || naive() != expected) {
            throw new IllegalStateException("both matchers must find the same words: " + expected + " vs " + naive());
        }
    }

    @Benchmark
    public int ahoCorasick() {
        return matcher.find(post).size();
    }

    @Benchmark
    public int naive() {
        Matcher m = alternation.matcher(TextFolder.fold(post));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Benchmark
    public Object shippedRuleSets() {
        return engine.apply(shipped, Candidate.text("COMPLAINT", "Commande jamais livrée", post));
    }
}
