package org.entraide.core.internal.event;

import org.entraide.api.event.DomainEvent;

/** Hands one event to a subscriber's endpoint, synchronously, on the calling thread. */
@FunctionalInterface
public interface Deliverer {
    /** @throws Exception whatever the subscriber threw: its effects are rolled back and the event retried */
    void deliver(String endpointUri, DomainEvent event) throws Exception;
}
