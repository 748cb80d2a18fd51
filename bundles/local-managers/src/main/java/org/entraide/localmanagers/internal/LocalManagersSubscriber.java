package org.entraide.localmanagers.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's event subscriber. It references the plugin's routes, so that it is registered once its endpoint
 * exists and goes before it.
 */
@Component(service = EventSubscriber.class)
public class LocalManagersSubscriber implements EventSubscriber {
    @Reference
    private LocalManagersComponent main;
    @Reference(target = "(entraide.routes=local-managers)")
    private RoutesBuilder routes;

    @Override
    public SubscriberDescriptor descriptor() {
        return main.plugin().subscriber.descriptor();
    }
}
