package org.entraide.localmanagers.internal;

import java.util.Objects;

import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;

/** The core's platform services this plugin reads and commands the core through, instead of its tables. */
public record Platform(Posts posts, Members members, Stores stores, Brands brands, Complaints complaints) {
    public Platform {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(complaints, "complaints");
    }
}
