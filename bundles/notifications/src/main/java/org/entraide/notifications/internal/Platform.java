package org.entraide.notifications.internal;

import java.util.Objects;

import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;

/**
 * The core's services this plugin reads through, never the core's tables; {@code contributions} posts a member's reply
 * by e-mail through the core's submission path.
 */
public record Platform(Posts posts, Members members, Stores stores, Brands brands, EventReader events,
                       Contributions contributions) {
    public Platform {
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(contributions, "contributions");
    }
}
