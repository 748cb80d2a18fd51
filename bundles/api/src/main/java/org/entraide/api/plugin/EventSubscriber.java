package org.entraide.api.plugin;

/**
 * An event subscriber. Plugins register it as an OSGi service, together with the RoutesBuilder that
 * consumes {@link SubscriberDescriptor#endpointUri()}. The platform's dispatcher calls that endpoint on its
 * own thread, one event at a time in commit order, inside a database transaction that also records the
 * subscriber's new position: what the route writes through {@code Transactions} is applied exactly once.
 * Throwing rolls the event's effects back; it is retried with back-off, then parked as a dead letter.
 * Effects outside the database (HTTP calls, e-mail) are at least once: make them idempotent with the event id.
 */
public interface EventSubscriber {
    SubscriberDescriptor descriptor();
}
