package org.entraide.reputation.internal.shell;

import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.reputation.internal.Platform;

/** Finds a brand's id from its slug for the shell commands, through the platform's brand directory. */
final class Brands {
    private Brands() {
    }

    static Optional<Long> id(Platform platform, String slug) {
        return platform.tx().inTransaction(c -> platform.brands().bySlug(c, slug).map(Brand::id));
    }
}
