package org.entraide.moderation.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.Publications;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.plugin.BrandFeatures;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts moderation on the core's services: tables, then routes, capability, submission step and the subscriber
 * that queues held posts (in that order, so that the first event finds its route).
 */
@Component(name = "org.entraide.moderation", immediate = true, service = {})
@Designate(ocd = ModerationConfig.class)
public class ModerationComponent {
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile Moderation moderation;
    private volatile Expertise expertise;
    private volatile ReputationLookup reputation;

    @Reference
    private Transactions tx;
    @Reference
    private EventLog events;
    @Reference
    private Publications publications;
    @Reference
    private SchemaMigrator migrator;
    @Reference
    private ApiEndpoints endpoints;
    @Reference
    private BrandFeatures features;
    @Reference
    private Posts posts;
    @Reference
    private Members members;
    @Reference
    private Stores stores;
    @Reference
    private Brands brands;

    @Activate
    void activate(BundleContext bundle, ModerationConfig config) {
        Moderation started = new Moderation(tx, events, publications, new Platform(posts, members, stores, brands), migrator, endpoints,
            settings(config), Clock.systemUTC());
        moderation = started;
        started.step.use(expertise);
        started.step.use(reputation);
        for (RoutesBuilder routes : List.of(started.background, started.routes)) {
            Hashtable<String, Object> props = new Hashtable<>(Map.of("entraide.routes", routes.getClass().getName()));
            registrations.add(bundle.registerService(RoutesBuilder.class, routes, props));
        }
        registrations.add(bundle.registerService(Capability.class, started.capability, null));
        registrations.add(bundle.registerService(SubmissionStep.class, started.step, null));
        started.messages.use(features);
        registrations.add(bundle.registerService(PrivateMessageRules.class, started.messages, null));
        registrations.add(bundle.registerService(EventSubscriber.class, started.subscriber, null));
        registrations.add(bundle.registerService(Moderation.class, started, null));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindExpertise(Expertise e) {
        Moderation m = moderation;
        if (m != null) {
            m.step.use(e);
        }
        this.expertise = e;
    }

    void unbindExpertise(Expertise e) {
        if (expertise == e) {
            expertise = null;
            Moderation m = moderation;
            if (m != null) {
                m.step.use((Expertise) null);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindReputation(ReputationLookup r) {
        this.reputation = r;
        Moderation m = moderation;
        if (m != null) {
            m.step.use(r);
        }
    }

    void unbindReputation(ReputationLookup r) {
        if (reputation == r) {
            reputation = null;
            Moderation m = moderation;
            if (m != null) {
                m.step.use((ReputationLookup) null);
            }
        }
    }

    @Modified
    void modified(ModerationConfig config) {
        Moderation.ModerationSettings s = settings(config);
        moderation.review.configure(s.flagThreshold(), s.remindAfter());
        moderation.ruleSetFiles.use(s.ruleSetsDir());
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
        moderation = null;
    }

    private static Moderation.ModerationSettings settings(ModerationConfig c) {
        if (c.flag_threshold() < 1) {
            throw new IllegalArgumentException("flag.threshold must be at least 1");
        }
        return new Moderation.ModerationSettings(c.flag_threshold(), Duration.ofHours(Math.max(1, c.review_remind_after_hours())),
            Duration.ofMinutes(1), underHome(c.rulesets_dir()));
    }

    /** A relative path is under Karaf's home, where etc/ is. */
    public static Path underHome(String dir) {
        Path p = Path.of(dir);
        String home = System.getProperty("karaf.home");
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }
}
