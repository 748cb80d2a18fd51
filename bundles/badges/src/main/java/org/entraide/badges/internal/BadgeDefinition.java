package org.entraide.badges.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.entraide.api.problem.FieldError;
import org.entraide.api.problem.ProblemException;
import org.entraide.badges.internal.criteria.Criterion;
import org.entraide.badges.internal.criteria.CriterionParser;
import org.entraide.badges.internal.criteria.InvalidCriterion;
import org.entraide.badges.internal.criteria.ScopeKind;

/**
 * A badge, as data: its key, names and descriptions in French and English, tier, whether it may be earned
 * again (once per qualifying post), whether it is taken back when the criterion no longer holds, whether its
 * holders are experts of the topic, and its criterion. Validated on construction: an invalid definition is a
 * 422 problem naming the field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BadgeDefinition(String key, Texts name, Texts description, String tier, boolean repeatable,
                              boolean autoRevoke, boolean expert, String criterion) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,59}");
    private static final List<String> TIERS = List.of("bronze", "silver", "gold");

    /** A text in both languages of the interface. */
    public record Texts(String fr, String en) {
        String in(Locale locale) {
            return "fr".equals(locale.getLanguage()) ? fr : en;
        }
    }

    public BadgeDefinition {
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new FieldError("key", "lower-case letters, digits and '-', 2 to 60 characters, starting with a letter"));
        }
        checkTexts(errors, "name", name, 80);
        checkTexts(errors, "description", description, 300);
        tier = tier == null ? null : tier.toLowerCase(Locale.ROOT);
        if (!TIERS.contains(tier)) {
            errors.add(new FieldError("tier", "one of " + TIERS));
        }
        try {
            ScopeKind kind = CriterionParser.kindOf(CriterionParser.parse(criterion));
            if (repeatable && !kind.perPost()) {
                errors.add(new FieldError("repeatable", "only a criterion on answer.* or question.* may be repeated "
                    + "(it is earned once per qualifying post)"));
            }
            if (expert && kind != ScopeKind.TOPIC) {
                errors.add(new FieldError("expert", "only a criterion on topic.* makes experts of a topic"));
            }
        } catch (InvalidCriterion e) {
            errors.add(new FieldError("criterion", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "invalid-badge", "Invalid badge definition",
                "the badge definition" + (key == null ? "" : " '" + key + "'") + " is invalid", errors, java.util.Map.of());
        }
    }

    @JsonIgnore
    public Criterion parsed() {
        return CriterionParser.parse(criterion);
    }

    @JsonIgnore
    public ScopeKind kind() {
        return CriterionParser.kindOf(parsed());
    }

    private static void checkTexts(List<FieldError> errors, String field, Texts texts, int max) {
        if (texts == null || blank(texts.fr()) || blank(texts.en())) {
            errors.add(new FieldError(field, "needs both \"fr\" and \"en\""));
        } else if (texts.fr().length() > max || texts.en().length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters in each language"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
