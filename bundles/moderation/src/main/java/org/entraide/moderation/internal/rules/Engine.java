package org.entraide.moderation.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies rule sets to a candidate text. Every active rule is tested; then actions apply in their order: a
 * BLOCK refuses, a HOLD sends to review, REDACT masks personal data, CENSOR masks watched words, FLAG queues
 * for review, TAG tags. Conditions are compiled once per rule (and word lists once per combination).
 */
public final class Engine {
    public static final String REDACTED = "[masqué par la modération]";

    private final Map<Map<String, Object>, Condition> compiled = new ConcurrentHashMap<>();

    public Verdict apply(List<RuleSet> ruleSets, Candidate c) {
        List<Verdict.Fired> fired = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean flagged = false;
        for (RuleSet set : ruleSets) {
            if (!set.active()) {
                continue;
            }
            for (Rule rule : set.rules()) {
                if (rule.action() == Action.HOLD && set.expertsSkipHold() && c.topicExpert()) {
                    continue;
                }
                List<Condition.Hit> hits = compiled.computeIfAbsent(rule.condition(), Condition::of).test(c);
                if (hits.isEmpty()) {
                    continue;
                }
                fired.add(new Verdict.Fired(set.name(), rule.name(), rule.action(), rule.reason(), hits.get(0).match()));
                switch (rule.action()) {
                    case REDACT -> hits.forEach(h -> edits.add(new Edit(h, REDACTED, 0)));
                    case CENSOR -> hits.forEach(h -> edits.add(new Edit(h, null, 1)));
                    case FLAG -> flagged = true;
                    case TAG -> tags.add(rule.name());
                    default -> {
                    }
                }
            }
        }
        fired.sort(Comparator.comparing(Verdict.Fired::action));
        String decision = fired.stream().anyMatch(f -> f.action() == Action.BLOCK) ? "BLOCK"
            : fired.stream().anyMatch(f -> f.action() == Action.HOLD) ? "HOLD" : "PUBLISH";
        return new Verdict(decision, edit(c.title(), "title", edits), edit(c.body(), "body", edits), fired, flagged,
            List.copyOf(tags));
    }

    /** A replacement of a span: redaction (priority 0) wins over censoring (1) where they overlap. */
    private record Edit(Condition.Hit hit, String replacement, int priority) {
    }

    private static String edit(String text, String field, List<Edit> edits) {
        if (text == null) {
            return null;
        }
        List<Edit> mine = new ArrayList<>(edits.stream().filter(e -> e.hit().field().equals(field)).toList());
        mine.sort(Comparator.comparingInt(Edit::priority).thenComparingInt(e -> e.hit().start()));
        List<Edit> kept = new ArrayList<>();
        for (Edit e : mine) {
            if (kept.stream().noneMatch(k -> k.hit().start() < e.hit().end() && e.hit().start() < k.hit().end())) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt((Edit e) -> e.hit().start()).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit e : kept) {
            String original = text.substring(e.hit().start(), e.hit().end());
            String by = e.replacement() != null ? e.replacement()
                : original.charAt(0) + "*".repeat(Math.max(0, original.length() - 1));
            out.replace(e.hit().start(), e.hit().end(), by);
        }
        return out.toString();
    }
}
