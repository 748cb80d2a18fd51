package org.entraide.incidents.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.PluginRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (its events, detection and REST API) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=incidents")
public class IncidentsRouteService extends PluginRoutes {
    @Reference
    private IncidentsComponent main;

    @Activate
    void activate() {
        use(main.incidents().services());
    }
}
