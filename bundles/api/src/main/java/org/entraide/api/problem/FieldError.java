package org.entraide.api.problem;

import java.util.Objects;

/** One invalid field of a request: its JSON path and what is wrong with it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
