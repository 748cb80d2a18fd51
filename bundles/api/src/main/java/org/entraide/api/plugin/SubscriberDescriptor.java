package org.entraide.api.plugin;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the platform delivers events to one subscriber.
 *
 * @param name        stable unique name; the platform keeps the subscriber's position under it
 * @param capability  events of brands where this capability is disabled are skipped (null: every brand)
 * @param endpointUri the synchronous Camel endpoint ({@code direct:}) of the subscriber's route; it receives a
 *                    {@link org.entraide.api.event.DomainEvent} as body, inside the dispatcher's transaction
 * @param startFrom   where a new subscriber starts
 * @param eventTypes  the event types it wants (empty: all)
 * @param maxAttempts attempts before an event that keeps failing is parked in the dead-letter table
 */
public record SubscriberDescriptor(String name, String capability, String endpointUri, StartFrom startFrom,
                                   Set<String> eventTypes, int maxAttempts) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{1,63}");

    public SubscriberDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpointUri, "endpointUri");
        Objects.requireNonNull(startFrom, "startFrom");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("subscriber name must match " + NAME + ": " + name);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }

    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
