package org.entraide.incidents.internal.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.entraide.api.text.MultiLine;

/**
 * The request bodies of the incidents' endpoints, read by the core's JSON reader: an unknown field, a wrong type or a
 * broken limit is a 400 problem naming the field before any handler code runs.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * An incident as staff declare or change it. {@code stores} are store codes, {@code regions} the local managers'
     * region codes; neither: the whole brand. {@code startsAt} absent: now. {@code proposalId}: a detected rise accepted.
     * {@code statementAnswers}: whether the first statement is the official response of the open complaints attached
     * (absent: the instance's {@code statement.answers.complaints}).
     */
    public record Incident(@NotBlank @Size(max = 200) String title,
                           @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> theme,
                           @Size(max = 500) List<@NotBlank @Size(max = 64) String> stores,
                           @Size(max = 50) List<@NotBlank @Size(max = 64) String> regions,
                           Instant startsAt, Instant endsAt, @Positive Long proposalId, Boolean statementAnswers) {
    }

    /** The official statement, or an update of it, in Markdown. */
    public record Statement(@NotBlank @Size(max = 20000) @MultiLine String body) {
    }

    /** Questions and complaints to attach, e.g. the ids of a search's results. */
    public record Items(@NotEmpty @Size(max = 500) List<@NotNull @Positive Long> postIds) {
    }

    /** The message posted on each open complaint when the incident closes, asking its author to evaluate. */
    public record Closure(@NotBlank @Size(max = 5000) @MultiLine String message) {
    }
}
