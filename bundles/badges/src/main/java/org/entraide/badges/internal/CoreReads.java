package org.entraide.badges.internal;

import java.util.Objects;

import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;

/**
 * What badges reads of the core (posts, members, stores, brands and topics), through the platform services, and the
 * reader of the events it receives as their records.
 */
public record CoreReads(Posts posts, Members members, Stores stores, Brands brands, EventReader events) {
    public CoreReads {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(events, "events");
    }
}
