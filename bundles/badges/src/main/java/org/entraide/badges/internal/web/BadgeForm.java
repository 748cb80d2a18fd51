package org.entraide.badges.internal.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.entraide.api.problem.ProblemException;
import org.entraide.badges.internal.BadgeDefinition;
import org.entraide.badges.internal.criteria.CriterionParser;

/**
 * A badge definition as a brand admin sends it. The core's reader maps it strictly (an unknown field, a value of
 * the wrong type: 400 naming the field) and validates these annotations; {@link BadgeDefinition} then checks what
 * needs the criterion's grammar (422 naming the field). {@code key} may be left out of a PUT to a badge's URL.
 */
record BadgeForm(String key, @NotNull @Valid Texts name, @NotNull @Valid Texts description, @NotNull String tier,
                 Boolean repeatable, Boolean autoRevoke, Boolean expert,
                 @NotBlank @Size(max = CriterionParser.MAX_LENGTH) String criterion) {
    /** A text in French and English, both required. */
    record Texts(@NotBlank String fr, @NotBlank String en) {
    }

    /** The definition under {@code pathKey} (the URL's, or null when the URL names none). */
    BadgeDefinition definition(String pathKey) {
        String k = key;
        if (pathKey != null) {
            if (k != null && !k.equals(pathKey)) {
                throw ProblemException.invalid("key", "the body's key '" + k + "' differs from the URL's '" + pathKey + "'");
            }
            k = pathKey;
        } else if (k == null || k.isBlank()) {
            throw ProblemException.invalid("key", "must not be blank");
        }
        return new BadgeDefinition(k, new BadgeDefinition.Texts(name.fr(), name.en()),
            new BadgeDefinition.Texts(description.fr(), description.en()), tier, Boolean.TRUE.equals(repeatable),
            Boolean.TRUE.equals(autoRevoke), Boolean.TRUE.equals(expert), criterion);
    }
}
