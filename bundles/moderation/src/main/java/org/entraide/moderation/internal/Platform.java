package org.entraide.moderation.internal;

import java.util.Objects;

import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;

/** The core's platform services moderation reads posts, members, stores and brands through, instead of the core's tables. */
public record Platform(Posts posts, Members members, Stores stores, Brands brands) {
    public Platform {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(brands, "brands");
    }

    /** All four from one object that provides them (the core's platform reads, in tests). */
    public static <T extends Posts & Members & Stores & Brands> Platform of(T services) {
        return new Platform(services, services, services, services);
    }
}
