package org.entraide.localmanagers.internal;

import java.util.Objects;

import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;

/**
 * The core's platform services this plugin reads and commands the core through, instead of its tables, and the
 * reader of the events it receives as their records.
 */
public record Platform(Posts posts, Members members, Stores stores, Brands brands, Complaints complaints,
                       EventReader events) {
    public Platform {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(events, "events");
    }
}
