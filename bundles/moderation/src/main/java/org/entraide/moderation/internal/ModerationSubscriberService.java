package org.entraide.moderation.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's event subscriber (held posts to review). It references the plugin's routes, so that it is registered
 * once its endpoint exists and goes before it.
 */
@Component(service = EventSubscriber.class)
public class ModerationSubscriberService implements EventSubscriber {
    @Reference
    private ModerationComponent main;
    @Reference(target = "(entraide.routes=moderation)")
    private RoutesBuilder routes;

    @Override
    public SubscriberDescriptor descriptor() {
        return main.moderation().subscriber.descriptor();
    }
}
