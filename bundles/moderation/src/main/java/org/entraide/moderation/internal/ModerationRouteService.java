package org.entraide.moderation.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.PluginRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (held posts, reminders, rule-set files, REST API) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=moderation")
public class ModerationRouteService extends PluginRoutes {
    @Reference
    private ModerationComponent main;

    @Activate
    void activate() {
        use(main.moderation().services());
    }
}
