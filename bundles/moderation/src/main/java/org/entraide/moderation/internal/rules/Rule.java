package org.entraide.moderation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.entraide.api.problem.FieldError;

/**
 * A rule: when its condition holds, its action applies, with a reason in French and English.
 *
 * @param condition the condition's {@code type} and its parameters (see {@link Condition})
 */
public record Rule(String name, Map<String, Object> condition, Action action, Reason reason) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,59}");

    /** Why the rule fired, as the author and moderators read it. */
    public record Reason(String fr, String en) {
    }

    public Rule {
        condition = condition == null ? Map.of() : Map.copyOf(condition);
    }

    /** The errors of this rule, prefixed with its place in the rule set; empty when valid. */
    List<FieldError> errors(String at) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError(at + ".name", "lower-case letters, digits and '-', 2 to 60 characters"));
        }
        if (action == null) {
            errors.add(new FieldError(at + ".action", "one of BLOCK, HOLD, REDACT, CENSOR, FLAG, TAG"));
        }
        if (reason == null || blank(reason.fr()) || blank(reason.en())) {
            errors.add(new FieldError(at + ".reason", "needs both \"fr\" and \"en\""));
        }
        try {
            Condition.of(condition);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(at + ".condition", e.getMessage()));
        }
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
