package org.entraide.localmanagers.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.entraide.api.text.MultiLine;

/**
 * The request bodies of local managers' endpoints, read by the core's JSON reader: an unknown field, a value of
 * the wrong type or a constraint broken is a 400 problem naming the field, before any handler code runs. Texts
 * are cleaned as they are read, one line unless {@code @MultiLine} (a message, the CSV import).
 */
final class Bodies {
    private Bodies() {
    }

    /** {@code userId} absent: the caller's own absence. */
    record Absence(@NotNull Instant from, @NotNull Instant to, @Positive Long userId) {
    }

    /** {@code hours} is required (a day left out is closed); {@code managers} absent keeps the store's. */
    record StoreSettings(@Size(min = 1, max = 64) String timeZone,
                         @NotNull @Size(max = 7) Map<@NotBlank String, @NotNull @Size(max = 12) List<@NotNull String>> hours,
                         @Size(max = 366) List<@NotNull String> closures, @Size(min = 1, max = 32) String region,
                         @Size(max = 20) List<@NotNull @Positive Long> managers) {
    }

    record Region(@NotBlank @Size(max = 120) String name, @Size(max = 50) List<@NotNull @Positive Long> managers) {
    }

    record StoreImport(@NotNull @MultiLine String csv) {
    }

    record Message(@NotBlank @Size(max = 2000) @MultiLine String body) {
    }

    /** Why a party reports the other party's private message to the moderators. */
    record Report(@NotBlank @Size(max = 500) String reason) {
    }

    record Delegation(@NotBlank @Size(max = 64) String storeCode, @NotBlank @Size(max = 500) String reason) {
    }

    record Handover(@NotBlank @Size(max = 500) String reason) {
    }

    /** Both null: back to the configured defaults. */
    record Deadlines(@Min(1) @Max(720) Integer firstResponseHours, @Min(1) @Max(720) Integer regionHours) {
    }

    /** Every weight null: back to the configured formula. */
    record Formula(@DecimalMin("0") @DecimalMax("1") Double response, @DecimalMin("0") @DecimalMax("1") Double rating,
                   @DecimalMin("0") @DecimalMax("1") Double resolution, @DecimalMin("0") @DecimalMax("1") Double buyAgain,
                   @Min(0) @Max(10_000) Integer minEvaluated) {
        boolean empty() {
            return response == null && rating == null && resolution == null && buyAgain == null && minEvaluated == null;
        }
    }
}
