package org.entraide.localmanagers.internal;

import java.time.Clock;
import java.time.Duration;

import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.mail.Mail;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.PlatformClock;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts local managers on the core's services, configured by its PID, with {@link LocalManagers#start}: the same
 * factory the tests call. It is a service of this internal type only; the plugin's small components
 * ({@link LocalManagersRoutes}, {@link LocalManagersCapability}, {@link LocalManagersSubscriber},
 * {@link LocalManagersVoices}) take it by reference and provide the plugin's services by Declarative Services, so
 * they come and go with it.
 */
@Component(name = "org.entraide.localmanagers", immediate = true, service = LocalManagersComponent.class)
@Designate(ocd = LocalManagersConfig.class)
public class LocalManagersComponent {
    private volatile LocalManagers plugin;
    private volatile PrivateMessageRules messageRules;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
    @Reference
    private EventReader reader;
    @Reference
    private SchemaMigrator migrator;
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
    @Reference
    private Complaints complaints;
    /** The platform's e-mail: the assignment e-mail to a manager is queued in the routing transaction. */
    @Reference
    private Mail mail;
    @Reference
    private BrandFeatures features;
    /** The platform's clock: deadlines are counted in the time the core dates complaints in. */
    @Reference(target = PlatformClock.TARGET)
    private Clock clock;

    /** For the shell commands' tests: a component around a plugin the test started with {@link LocalManagers#start}. */
    public static LocalManagersComponent running(LocalManagers plugin) {
        LocalManagersComponent c = new LocalManagersComponent();
        c.plugin = plugin;
        return c;
    }

    /** The running plugin. */
    public LocalManagers plugin() {
        return plugin;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMessageRules(PrivateMessageRules r) {
        this.messageRules = r;
        LocalManagers m = plugin;
        if (m != null) {
            m.useMessageRules(r);
        }
    }

    void unbindMessageRules(PrivateMessageRules r) {
        if (messageRules == r) {
            messageRules = null;
            LocalManagers m = plugin;
            if (m != null) {
                m.useMessageRules(null);
            }
        }
    }

    @Activate
    void activate(LocalManagersConfig config) {
        LocalManagers started = LocalManagers.start(new LocalManagers.CoreServices(tx, events, migrator, endpoints,
            new Platform(posts, members, stores, brands, complaints, reader), mail, features), settings(config), formula(config),
            Math.max(1000, config.deadlines_period_millis()), clock);
        started.useMessageRules(messageRules);
        plugin = started;
    }

    @Modified
    void modified(LocalManagersConfig config) {
        plugin.routing.configure(settings(config));
        plugin.endpoints.use(formula(config));
    }

    @Deactivate
    void deactivate() {
        plugin = null;
    }

    private static Routing.Settings settings(LocalManagersConfig c) {
        if (c.first_response_opening_hours() < 1 || c.region_opening_hours() < 1) {
            throw new IllegalArgumentException("first.response.opening.hours and region.opening.hours must be at least 1");
        }
        return new Routing.Settings(Duration.ofHours(c.first_response_opening_hours()), Duration.ofHours(c.region_opening_hours()));
    }

    private static Rankings.Formula formula(LocalManagersConfig c) {
        return new Rankings.Formula(c.ranking_weight_response(), c.ranking_weight_rating(), c.ranking_weight_resolution(),
            c.ranking_weight_buy_again(), c.ranking_min_evaluated());
    }
}
