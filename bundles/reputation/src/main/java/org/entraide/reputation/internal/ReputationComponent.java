package org.entraide.reputation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.event.EventLog;
import org.entraide.api.platform.Brands;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts reputation on the core's services: migrates its tables, then registers its routes, its capability,
 * its privilege step and its event subscriber (in that order, so that the first event finds its route).
 * Leaving unregisters them; the tables and the subscriber's position stay, and a reinstall goes on where it
 * stopped.
 */
@Component(name = "org.entraide.reputation", immediate = true, service = {})
@Designate(ocd = ReputationConfig.class)
public class ReputationComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ReputationComponent.class);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile Reputation reputation;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
    @Reference
    private SchemaMigrator migrator;
    @Reference
    private BrandFeatures features;
    @Reference
    private ApiEndpoints endpoints;
    @Reference
    private Brands brands;

    @Activate
    void activate(BundleContext bundle, ReputationConfig config) {
        ReputationSettings settings = ReputationSettings.of(config);
        Reputation started = new Reputation(new Platform(tx, events, migrator, features, endpoints, brands), settings,
            Clock.systemUTC());
        reputation = started;
        for (RoutesBuilder routes : started.routes) {
            Hashtable<String, Object> props = new Hashtable<>(Map.of("entraide.routes", routes.getClass().getName()));
            registrations.add(bundle.registerService(RoutesBuilder.class, routes, props));
        }
        registrations.add(bundle.registerService(Capability.class, started.capability, null));
        registrations.add(bundle.registerService(Reputation.class, started, null));
        registrations.add(bundle.registerService(ReputationLookup.class, new ReputationReader(started), null));
        registrations.add(bundle.registerService(SubmissionStep.class, started.privileges, null));
        registrations.add(bundle.registerService(EventSubscriber.class, started.subscriber, null));
        LOG.info("Reputation started: points {}, daily cap {}", settings.points().asMap(), settings.points().dailyCap());
    }

    @Modified
    void modified(ReputationConfig config) {
        reputation.update(ReputationSettings.of(config));
        LOG.info("Reputation configuration updated");
    }

    @Deactivate
    void deactivate() {
        // the reverse order: the subscriber stops before its route goes
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework already removed it
            }
        }
        registrations.clear();
        reputation = null;
    }
}
