package org.entraide.api.model;

import java.util.Objects;

/** A category of questions within a brand. */
public record Topic(long id, long brandId, String slug, String name) {
    public Topic {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }
}
