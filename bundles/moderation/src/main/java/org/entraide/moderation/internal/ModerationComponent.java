package org.entraide.moderation.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.entraide.api.badges.Expertise;
import org.entraide.api.event.EventLog;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.Publications;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.reputation.ReputationLookup;
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
 * Starts moderation on the core's services, configured by its PID, with {@link Moderation#start}: the same factory
 * the tests call. It is a service of this internal type only; the plugin's small components ({@link ModerationRouteService},
 * {@link ModerationCapabilityService}, {@link ModerationStepService}, {@link ModerationMessageRulesService},
 * {@link ModerationSubscriberService}) take it by reference and provide the plugin's services by Declarative
 * Services, so they come and go with it.
 */
@Component(name = "org.entraide.moderation", immediate = true, service = ModerationComponent.class)
@Designate(ocd = ModerationConfig.class)
public class ModerationComponent {
    private volatile Moderation moderation;
    private volatile Expertise expertise;
    private volatile ReputationLookup reputation;
    private volatile PrivateMessages privateMessages;

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

    /** For the shell commands' tests: a component around a plugin the test started with {@link Moderation#start}. */
    public static ModerationComponent running(Moderation moderation) {
        ModerationComponent c = new ModerationComponent();
        c.moderation = moderation;
        return c;
    }

    /** The running plugin. */
    public Moderation moderation() {
        return moderation;
    }

    @Activate
    void activate(ModerationConfig config) {
        Moderation started = Moderation.start(new Moderation.CoreServices(tx, events, publications,
            new Platform(posts, members, stores, brands), migrator, endpoints, features), settings(config), Clock.systemUTC());
        started.useExpertise(expertise);
        started.useReputation(reputation);
        started.usePrivateMessages(privateMessages);
        moderation = started;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindExpertise(Expertise e) {
        this.expertise = e;
        Moderation m = moderation;
        if (m != null) {
            m.useExpertise(e);
        }
    }

    void unbindExpertise(Expertise e) {
        if (expertise == e) {
            expertise = null;
            Moderation m = moderation;
            if (m != null) {
                m.useExpertise(null);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindReputation(ReputationLookup r) {
        this.reputation = r;
        Moderation m = moderation;
        if (m != null) {
            m.useReputation(r);
        }
    }

    void unbindReputation(ReputationLookup r) {
        if (reputation == r) {
            reputation = null;
            Moderation m = moderation;
            if (m != null) {
                m.useReputation(null);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindPrivateMessages(PrivateMessages p) {
        this.privateMessages = p;
        Moderation m = moderation;
        if (m != null) {
            m.usePrivateMessages(p);
        }
    }

    void unbindPrivateMessages(PrivateMessages p) {
        if (privateMessages == p) {
            privateMessages = null;
            Moderation m = moderation;
            if (m != null) {
                m.usePrivateMessages(null);
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
