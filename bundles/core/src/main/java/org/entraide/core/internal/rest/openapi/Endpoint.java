package org.entraide.core.internal.rest.openapi;

import java.util.Locale;
import java.util.Objects;

/** One registered endpoint: its HTTP method, full path template (such as {@code /api/v1/brands/{brand}}), id and promise. */
public record Endpoint(String method, String path, String operationId, Doc doc) {
    public Endpoint {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(doc, "doc of " + operationId);
    }
}
