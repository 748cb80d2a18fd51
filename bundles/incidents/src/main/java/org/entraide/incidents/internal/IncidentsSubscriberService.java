package org.entraide.incidents.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's event subscriber, registered once its routes (its endpoint) exist. */
@Component(service = EventSubscriber.class)
public class IncidentsSubscriberService implements EventSubscriber {
    @Reference
    private IncidentsComponent main;
    @Reference(target = "(entraide.routes=incidents)")
    private RoutesBuilder routes;

    @Override
    public SubscriberDescriptor descriptor() {
        return main.incidents().subscriber.descriptor();
    }
}
