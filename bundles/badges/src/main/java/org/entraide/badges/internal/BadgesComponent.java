package org.entraide.badges.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
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
 * Starts badges on the core's services, configured by its PID. It is a service of this internal type only; the
 * plugin's small components ({@link BadgesRouteService}, {@link BadgesCapabilityService}, {@link BadgesExpertiseService},
 * {@link BadgesSubscriberService}) take it by reference and provide the plugin's services by Declarative Services, so
 * they come and go with it. Leaving keeps the tables and the subscriber's position.
 */
@Component(name = "org.entraide.badges", immediate = true, service = BadgesComponent.class)
@Designate(ocd = BadgesConfig.class)
public class BadgesComponent {
    private static final Logger LOG = LoggerFactory.getLogger(BadgesComponent.class);

    private volatile Badges badges;

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
    private Posts posts;
    @Reference
    private Members members;
    @Reference
    private Stores stores;
    @Reference
    private Brands brands;

    /** For the shell commands' tests: a component around a plugin the test started. */
    public static BadgesComponent running(Badges badges) {
        BadgesComponent c = new BadgesComponent();
        c.badges = badges;
        return c;
    }

    /** The running plugin. */
    public Badges badges() {
        return badges;
    }

    @Activate
    void activate(BadgesConfig config) {
        badges = new Badges(tx, events, migrator, features, endpoints, new CoreReads(posts, members, stores, brands, reader), file(config),
            Math.max(200, config.catchup_period_millis()), Clock.systemUTC());
        LOG.info("Badges started with definitions from {}", file(config));
    }

    @Modified
    void modified(BadgesConfig config) {
        badges.definitions.use(file(config));
    }

    @Deactivate
    void deactivate() {
        badges = null;
    }

    /** A relative path is under Karaf's home, where etc/ is. */
    private static Path file(BadgesConfig config) {
        Path p = Path.of(config.definitions_file());
        String home = System.getProperty("karaf.home");
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }
}
