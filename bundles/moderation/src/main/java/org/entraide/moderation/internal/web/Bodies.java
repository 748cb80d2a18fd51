package org.entraide.moderation.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.entraide.api.text.MultiLine;

/**
 * The request bodies of moderation's endpoints, read by the core's JSON reader: an unknown field, a value of the
 * wrong type or a broken constraint is a 400 problem naming the field, before any handler code runs. Values
 * checked against lists (reasons, kinds, outcomes) are checked by the services, which name the field too. Texts
 * are cleaned as they are read, one line unless {@code @MultiLine} (a text to try, a corrected body, a statement).
 */
final class Bodies {
    private Bodies() {
    }

    record DryRun(@Size(max = 200) String title, @NotNull @Size(max = 20_000) @MultiLine String body, String type,
                  @Positive Long ruleSetId) {
    }

    record Flag(@NotBlank String reason, @Size(max = 500) @MultiLine String detail) {
    }

    /** {@code title} and {@code body}: a corrected text, with an approval only. */
    record Decision(@NotBlank String decision, String reasonCode, String title, @MultiLine String body) {
    }

    record ModerationRequest(@NotBlank String category, @Size(max = 500) @MultiLine String detail) {
    }

    record Sanction(@NotNull @Positive Long userId, @NotBlank String kind, @MultiLine String reason, Long hours) {
    }

    record Appeal(@NotBlank String subject, @NotNull @Positive Long id, @MultiLine String statement) {
    }

    record AppealDecision(@NotBlank String outcome, @MultiLine String reason) {
    }

    record Settings(@NotNull Boolean revealComplainantsInAppeals) {
    }
}
