package org.entraide.reputation.internal;

import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Brands;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts reputation on the core's services, configured by its PID. It is a service of this internal type only; the
 * plugin's small components ({@link ReputationRouteService}, {@link ReputationCapabilityService},
 * {@link ReputationStepService}, {@link ReputationSubscriberService}, {@link ReputationLookupService}) take it by
 * reference and provide the plugin's services by Declarative Services, so they come and go with it. Leaving keeps the
 * tables and the subscriber's position, and a reinstall goes on where it stopped.
 */
@Component(name = "org.entraide.reputation", immediate = true, service = ReputationComponent.class)
@Designate(ocd = ReputationConfig.class)
public class ReputationComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ReputationComponent.class);

    private volatile Reputation reputation;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
    @Reference
    private EventReader reader;
    @Reference
    private SchemaMigrator migrator;
    @Reference
    private BrandFeatures features;
    @Reference
    private ApiEndpoints endpoints;
    @Reference
    private Brands brands;

    /** For the shell commands' tests: a component around a plugin the test started. */
    public static ReputationComponent running(Reputation reputation) {
        ReputationComponent c = new ReputationComponent();
        c.reputation = reputation;
        return c;
    }

    /** The running plugin. */
    public Reputation reputation() {
        return reputation;
    }

    @Activate
    void activate(ReputationConfig config) {
        ReputationSettings settings = ReputationSettings.of(config);
        reputation = new Reputation(new Platform(tx, events, migrator, features, endpoints, brands, reader), settings, Clock.systemUTC());
        LOG.info("Reputation started: points {}, daily cap {}", settings.points().asMap(), settings.points().dailyCap());
    }

    @Modified
    void modified(ReputationConfig config) {
        reputation.update(ReputationSettings.of(config));
        LOG.info("Reputation configuration updated");
    }

    @Deactivate
    void deactivate() {
        reputation = null;
    }
}
