package org.entraide.localmanagers.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.event.EventLog;
import org.entraide.api.mail.Mail;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.OfficialResponders;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts local managers on the core's services: tables, routes, capability, the complaint subscriber, then the
 * regions' official voices.
 */
@Component(name = "org.entraide.localmanagers", immediate = true, service = {})
@Designate(ocd = LocalManagersConfig.class)
public class LocalManagersComponent {
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile LocalManagers plugin;
    private volatile PrivateMessageRules messageRules;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMessageRules(PrivateMessageRules r) {
        this.messageRules = r;
        LocalManagers m = plugin;
        if (m != null) {
            m.parties.useMessageRules(r);
        }
    }

    void unbindMessageRules(PrivateMessageRules r) {
        if (messageRules == r) {
            messageRules = null;
            LocalManagers m = plugin;
            if (m != null) {
                m.parties.useMessageRules(null);
            }
        }
    }

    @Activate
    void activate(BundleContext bundle, LocalManagersConfig config) {
        LocalManagers started = new LocalManagers(tx, events, migrator, endpoints,
            new Platform(posts, members, stores, brands, complaints), settings(config), formula(config),
            mail, Math.max(1000, config.deadlines_period_millis()), Clock.systemUTC());
        plugin = started;
        started.parties.useMessageRules(messageRules);
        started.routing.useFeatures(features);
        for (RoutesBuilder routes : List.of(started.background, started.api)) {
            Hashtable<String, Object> props = new Hashtable<>(Map.of("entraide.routes", routes.getClass().getName()));
            registrations.add(bundle.registerService(RoutesBuilder.class, routes, props));
        }
        registrations.add(bundle.registerService(Capability.class, started.capability, null));
        registrations.add(bundle.registerService(EventSubscriber.class, started.subscriber, null));
        registrations.add(bundle.registerService(OfficialResponders.class, started.voices, null));
        // for the entraide:identity-access shell command
        registrations.add(bundle.registerService(LocalManagers.class, started, null));
    }

    @Modified
    void modified(LocalManagersConfig config) {
        plugin.routing.configure(settings(config));
        plugin.endpoints.use(formula(config));
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
