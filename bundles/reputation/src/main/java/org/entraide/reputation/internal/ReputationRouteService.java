package org.entraide.reputation.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.PluginRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (its subscriber's, jobs and REST API) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=reputation")
public class ReputationRouteService extends PluginRoutes {
    @Reference
    private ReputationComponent main;

    @Activate
    void activate() {
        use(main.reputation().services());
    }
}
