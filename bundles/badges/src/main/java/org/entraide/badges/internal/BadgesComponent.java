package org.entraide.badges.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.badges.Expertise;
import org.entraide.api.event.EventLog;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts badges on the core's services: migrates its tables, then registers its routes, capability, expertise
 * and event subscriber (in that order, so that the first event finds its route). Leaving unregisters them;
 * the tables and the subscriber's position stay.
 */
@Component(name = "org.entraide.badges", immediate = true, service = {})
@Designate(ocd = BadgesConfig.class)
public class BadgesComponent {
    private static final Logger LOG = LoggerFactory.getLogger(BadgesComponent.class);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile Badges badges;

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
    private Posts posts;
    @Reference
    private Members members;
    @Reference
    private Stores stores;
    @Reference
    private Brands brands;

    @Activate
    void activate(BundleContext bundle, BadgesConfig config) {
        Badges started = new Badges(tx, events, migrator, features, endpoints,
            new CoreReads(posts, members, stores, brands), file(config),
            Math.max(200, config.catchup_period_millis()), Clock.systemUTC());
        badges = started;
        for (RoutesBuilder routes : List.of(started.routes, started.api)) {
            Hashtable<String, Object> props = new Hashtable<>(Map.of("entraide.routes", routes.getClass().getName()));
            registrations.add(bundle.registerService(RoutesBuilder.class, routes, props));
        }
        registrations.add(bundle.registerService(Capability.class, started.capability, null));
        registrations.add(bundle.registerService(Expertise.class, started.expertise, null));
        registrations.add(bundle.registerService(Badges.class, started, null));
        registrations.add(bundle.registerService(EventSubscriber.class, started.subscriber, null));
        LOG.info("Badges started with definitions from {}", file(config));
    }

    @Modified
    void modified(BadgesConfig config) {
        badges.definitions.use(file(config));
    }

    @Deactivate
    void deactivate() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework already removed it
            }
        }
        registrations.clear();
        badges = null;
    }

    /** A relative path is under Karaf's home, where etc/ is. */
    private static Path file(BadgesConfig config) {
        Path p = Path.of(config.definitions_file());
        String home = System.getProperty("karaf.home");
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }
}
