package org.entraide.api.plugin;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;

/**
 * All the Camel routes of a plugin as one {@code RoutesBuilder} service: a plugin whose started object holds several
 * route builders registers one subclass of this (a DS component that calls {@link #use} on activation), and the
 * platform adds and removes them together.
 */
public abstract class PluginRoutes implements RoutesBuilder {
    private volatile List<RoutesBuilder> routes = List.of();

    /** The route builders among the plugin's services; other objects are ignored. */
    protected final void use(Collection<?> services) {
        routes = services.stream().filter(RoutesBuilder.class::isInstance).map(RoutesBuilder.class::cast).toList();
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
