package org.entraide.core.internal.plugin;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.entraide.api.event.DomainEvent;
import org.entraide.core.internal.event.Deliverer;

/** Delivers events to subscriber routes through one long-lived ProducerTemplate, on the caller's thread. */
public final class CamelDeliverer implements Deliverer {
    private volatile ProducerTemplate template;

    public void connect(ProducerTemplate producer) {
        this.template = producer;
    }

    @Override
    public void deliver(String endpointUri, DomainEvent event) throws Exception {
        ProducerTemplate t = template;
        if (t == null) {
            throw new IllegalStateException("Camel is not started yet");
        }
        try {
            t.requestBody(endpointUri, event);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
