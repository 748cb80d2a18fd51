package org.entraide.reputation.internal.events;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;

/**
 * The subscriber and its route {@code reputation.apply-event}. It reads the history from the first event, so
 * that a late install computes everyone's reputation from the past. It takes the events of every brand, not
 * only of those that enabled reputation: a brand that enables it later finds a ledger already complete.
 */
public final class ReputationSubscriber extends RouteBuilder implements EventSubscriber {
    public static final String NAME = "reputation";
    public static final String ENDPOINT = "direct:reputation.events";

    private final EventApplier applier;
    private final int maxAttempts;

    public ReputationSubscriber(EventApplier applier, int maxAttempts) {
        this.applier = applier;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public SubscriberDescriptor descriptor() {
        return new SubscriberDescriptor(NAME, null, ENDPOINT, StartFrom.BEGINNING, EventApplier.TYPES, maxAttempts);
    }

    @Override
    public void configure() {
        // The dispatcher retries, parks and logs failures; Camel must hand them over untouched.
        errorHandler(noErrorHandler());
        from(ENDPOINT).routeId("reputation.apply-event")
            .process(exchange -> applier.apply(exchange.getIn().getBody(DomainEvent.class)));
    }
}
