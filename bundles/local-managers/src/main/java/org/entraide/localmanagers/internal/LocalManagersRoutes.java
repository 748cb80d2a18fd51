package org.entraide.localmanagers.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.PluginRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (its event route, deadline timer and REST API) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=local-managers")
public class LocalManagersRoutes extends PluginRoutes {
    @Reference
    LocalManagersComponent main;

    @Activate
    void activate() {
        use(main.plugin().services());
    }
}
