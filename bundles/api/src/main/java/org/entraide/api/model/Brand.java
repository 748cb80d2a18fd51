package org.entraide.api.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant: one brand's community, addressed by its slug in every URL. */
public record Brand(long id, String slug, String name) {
    /** Lower-case letters, digits and inner hyphens, 2 to 40 characters. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    public Brand {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("invalid brand slug: " + slug);
        }
    }
}
