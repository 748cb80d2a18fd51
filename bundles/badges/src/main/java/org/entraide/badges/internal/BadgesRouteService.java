package org.entraide.badges.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.PluginRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (its events, catch-up and REST API) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=badges")
public class BadgesRouteService extends PluginRoutes {
    @Reference
    private BadgesComponent main;

    @Activate
    void activate() {
        use(main.badges().services());
    }
}
