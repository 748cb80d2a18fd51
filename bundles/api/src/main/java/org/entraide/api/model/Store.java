package org.entraide.api.model;

import java.util.Objects;

/** A physical store of a brand. Coordinates are optional (both or neither). */
public record Store(long id, long brandId, String code, String name, String city, String postalCode,
                    Double latitude, Double longitude) {
    public Store {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together");
        }
    }
}
