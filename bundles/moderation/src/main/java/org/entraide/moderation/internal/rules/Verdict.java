package org.entraide.moderation.internal.rules;

import java.util.List;

/**
 * What the rules decided for a text: PUBLISH, HOLD or BLOCK, the text as it would be published (redacted,
 * censored), the rules that fired in the order their actions apply, and whether to queue it or tag it.
 */
public record Verdict(String decision, String title, String body, List<Fired> fired, boolean flagged, List<String> tags) {
    /** A rule that fired: its rule set, name, action, reason and what it matched. */
    public record Fired(String ruleSet, String rule, Action action, Rule.Reason reason, String match) {
    }

    public boolean blocked() {
        return "BLOCK".equals(decision);
    }

    public boolean held() {
        return "HOLD".equals(decision);
    }
}
