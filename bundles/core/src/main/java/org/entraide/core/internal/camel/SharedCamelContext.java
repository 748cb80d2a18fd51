package org.entraide.core.internal.camel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CamelContext of Entraide. Every {@code RoutesBuilder} service, from the core or a plugin, is
 * added when it appears; when it goes, exactly the routes it added are stopped and removed.
 */
@Component(name = "org.entraide.http", immediate = true)
@Designate(ocd = HttpConfig.class)
public class SharedCamelContext {
    private static final Logger LOG = LoggerFactory.getLogger(SharedCamelContext.class);

    private final Map<RoutesBuilder, Set<String>> owned = new LinkedHashMap<>();
    private final List<RoutesBuilder> pending = new ArrayList<>();
    private DefaultCamelContext camel;
    private ServiceRegistration<CamelContext> registration;

    @Activate
    void activate(BundleContext bundle, HttpConfig config) {
        DefaultCamelContext ctx = CamelContexts.create("entraide", config.http_host(), config.http_port());
        ctx.start();
        LOG.info("Shared CamelContext started, HTTP on {}:{}", config.http_host(), config.http_port());
        synchronized (this) {
            camel = ctx;
            for (RoutesBuilder rb : pending) {
                add(rb);
            }
            pending.clear();
        }
        registration = bundle.registerService(CamelContext.class, ctx, null);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the framework while the bundle stops
            }
        }
        synchronized (this) {
            if (camel != null) {
                camel.stop();
                camel = null;
            }
            owned.clear();
        }
    }

    @Reference(service = RoutesBuilder.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindRoutes(RoutesBuilder rb) {
        if (camel == null) {
            pending.add(rb);
        } else {
            add(rb);
        }
    }

    synchronized void unbindRoutes(RoutesBuilder rb) {
        pending.remove(rb);
        Set<String> ids = owned.remove(rb);
        if (ids == null || camel == null) {
            return;
        }
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.error("Could not remove route {} of {}", id, rb.getClass().getName(), e);
            }
        }
        LOG.info("Removed routes {} of {}", ids, rb.getClass().getName());
    }

    private void add(RoutesBuilder rb) {
        Set<String> before = routeIds();
        try {
            camel.addRoutes(rb);
        } catch (Exception e) {
            // One faulty plugin must not take the others down: log it once and keep going.
            LOG.error("Could not add the routes of {}", rb.getClass().getName(), e);
            return;
        }
        Set<String> added = routeIds();
        added.removeAll(before);
        owned.put(rb, added);
        LOG.info("Added routes {} from {}", added, rb.getClass().getName());
    }

    private Set<String> routeIds() {
        Set<String> ids = new HashSet<>();
        for (Route r : camel.getRoutes()) {
            ids.add(r.getRouteId());
        }
        return ids;
    }
}
