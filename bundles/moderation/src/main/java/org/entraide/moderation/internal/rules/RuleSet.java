package org.entraide.moderation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;

/**
 * A named, versioned list of rules of a brand; only active rule sets apply. With {@code expertsSkipHold}, its
 * HOLD rules do not hold the posts of the experts of the post's topic (as the badges plugin decides them). Validated on construction (a 422
 * problem that names each field in error), so that a stored rule set always runs.
 */
public record RuleSet(String name, String description, boolean active, List<Rule> rules, boolean expertsSkipHold) {
    public static final int MAX_RULES = 100;

    /** A rule set whose holds apply to everyone, topic experts included. */
    public RuleSet(String name, String description, boolean active, List<Rule> rules) {
        this(name, description, active, rules, false);
    }

    public RuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 80) {
            errors.add(new FieldError("name", "required, at most 80 characters"));
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            errors.add(new FieldError("rules", "from 1 to " + MAX_RULES + " rules"));
        }
        for (int i = 0; i < rules.size(); i++) {
            errors.addAll(rules.get(i).errors("rules[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-ruleset", "Invalid rule set",
                "the rule set" + (name == null ? "" : " '" + name + "'") + " is invalid", errors, Map.of());
        }
    }
}
