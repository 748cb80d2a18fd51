package org.entraide.reputation.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's Camel routes (its subscriber's, jobs and REST API) as one service, while the plugin runs. */
@Component(service = RoutesBuilder.class, property = "entraide.routes=reputation")
public class ReputationRouteService implements RoutesBuilder {
    @Reference
    private ReputationComponent main;
    private List<RoutesBuilder> routes;

    @Activate
    void activate() {
        routes = main.reputation().services().stream().filter(RoutesBuilder.class::isInstance).map(RoutesBuilder.class::cast)
            .toList();
    }

    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        for (RoutesBuilder r : routes) {
            r.addRoutesToCamelContext(context);
        }
    }

    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext context) throws Exception {
        for (RoutesBuilder r : routes) {
            r.addTemplatedRoutesToCamelContext(context);
        }
    }

    @Override
    public Set<String> updateRoutesToCamelContext(CamelContext context) throws Exception {
        Set<String> updated = new HashSet<>();
        for (RoutesBuilder r : routes) {
            updated.addAll(r.updateRoutesToCamelContext(context));
        }
        return updated;
    }
}
