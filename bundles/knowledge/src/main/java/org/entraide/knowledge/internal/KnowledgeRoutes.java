package org.entraide.knowledge.internal;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.plugin.PluginRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (its REST API and the review timer) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=knowledge")
public class KnowledgeRoutes extends PluginRoutes {
    @Reference
    KnowledgeComponent main;

    @Activate
    void activate() {
        use(main.plugin().services());
    }
}
