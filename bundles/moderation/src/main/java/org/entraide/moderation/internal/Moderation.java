package org.entraide.moderation.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.badges.Expertise;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.api.moderation.ModerationEvents;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.Publications;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.store.Audit;
import org.entraide.moderation.internal.store.ComplainantPrivacy;
import org.entraide.moderation.internal.store.Flags;
import org.entraide.moderation.internal.store.HeldVerdicts;
import org.entraide.moderation.internal.store.ReviewQueue;
import org.entraide.moderation.internal.store.RuleSets;
import org.entraide.moderation.internal.web.ModerationEndpoints;
import org.entraide.moderation.internal.web.ModerationRoutes;
import org.entraide.moderation.internal.web.QueueView;
import org.entraide.moderation.internal.web.ReviewEndpoints;

/** The moderation plugin's object graph, built from the core's services: in Karaf and in tests alike. */
public final class Moderation {
    public static final String CAPABILITY = ModerationEvents.CAPABILITY;
    static final String EVENTS = "direct:moderation.events";
    /** How often etc/ is checked for changed rule set files. */
    static final long RULESET_FILES_PERIOD_MS = 5000;

    public final RuleSets ruleSets = new RuleSets();
    public final Engine engine = new Engine();
    public final ReviewQueue queue = new ReviewQueue();
    public final Flags flags = new Flags();
    public final Audit audit;
    public final HeldVerdicts verdicts = new HeldVerdicts();
    public final AuthorReputation reputation = new AuthorReputation();
    public final Review review;
    public final MessageReviews messageReviews;
    public final Sanctions sanctions;
    public final ModerationStep step;
    public final MessageRules messages;
    public final RuleSetImport ruleSetImport;
    public final RuleSetFiles ruleSetFiles;
    public final ModerationRoutes routes;
    public final RouteBuilder background;
    public final EventSubscriber subscriber = () -> new SubscriberDescriptor("moderation", CAPABILITY, EVENTS, StartFrom.NOW,
        // an edit may be held like a new post; a reported private message is reviewed like a flagged post
        Set.of(EventTypes.POST_SUBMITTED, EventTypes.POST_EDITED, LocalManagerEvents.MESSAGE_REPORTED), 5);
    public final Capability capability = new Capability() {
        @Override
        public String name() {
            return CAPABILITY;
        }

        @Override
        public String description() {
            return "Moderation rules before publication, members' flags, review queue and audit log.";
        }
    };

    /** What the plugin takes from the core: the component's references in Karaf, the test server's services in tests. */
    public record CoreServices(Transactions tx, EventLog events, Publications publications, Platform platform,
                               SchemaMigrator migrator, ApiEndpoints endpoints, BrandFeatures features) {
    }

    /**
     * The plugin as Karaf starts it: the one factory its component and the tests call, so that a test cannot wire it
     * differently. Its services are then {@link #services()}; topic expertise and reputation, when a plugin provides
     * them, come through {@link #useExpertise} and {@link #useReputation}.
     */
    public static Moderation start(CoreServices core, ModerationSettings settings, Clock clock) {
        Moderation started = new Moderation(core.tx(), core.events(), core.publications(), core.platform(), core.migrator(),
            core.endpoints(), settings, clock);
        started.messages.use(core.features());
        return started;
    }

    /**
     * Every service the plugin provides, in the order they must appear: its routes first, then its capability, its
     * submission step, its rules for private messages and its subscriber. Its components register exactly these.
     */
    public List<Object> services() {
        return List.of(background, routes, capability, step, messages, subscriber, personalData);
    }

    /** Experts of a topic (the badges plugin's), or null when none is installed. */
    public void useExpertise(Expertise expertise) {
        step.use(expertise);
    }

    /** A complaint's private messages (the local-managers plugin's), or null when it is not installed. */
    public void usePrivateMessages(PrivateMessages messages) {
        messageReviews.use(messages);
    }

    /** Members' reputation (the reputation plugin's), or null when none is installed. */
    public void useReputation(ReputationLookup reputation) {
        step.use(reputation);
    }

    /** What the plugin holds about a member, for their export and the closing of their account. */
    public final ModerationPersonalData personalData;

    private Moderation(Transactions tx, EventLog events, Publications publications, Platform platform, SchemaMigrator migrator,
                      ApiEndpoints endpoints, ModerationSettings settings, Clock clock) {
        migrator.migrate("moderation", Moderation.class.getClassLoader(), "db/moderation");
        this.personalData = new ModerationPersonalData(tx, platform);
        this.audit = new Audit(platform.posts());
        this.review = new Review(tx, events, publications, platform, new Review.Stores(queue, flags, audit, verdicts), reputation, clock,
            settings.flagThreshold(), settings.remindAfter());
        this.messageReviews = new MessageReviews(tx, queue, audit, clock);
        review.use(messageReviews);
        this.sanctions = new Sanctions(tx, events, publications, platform, audit, clock);
        this.step = new ModerationStep(tx, platform, ruleSets, engine, sanctions, reputation, verdicts, clock);
        this.messages = new MessageRules(tx, ruleSets, engine, sanctions, reputation, clock);
        this.ruleSetImport = new RuleSetImport(tx, platform.brands(), ruleSets, audit, clock);
        this.ruleSetFiles = new RuleSetFiles(ruleSetImport, settings.ruleSetsDir());
        this.routes = new ModerationRoutes(endpoints, new ModerationEndpoints(tx, ruleSets, engine, audit, clock),
            new ReviewEndpoints(tx, platform, review, new QueueView(queue, platform, reputation), audit, sanctions,
                new ComplainantPrivacy(platform.members()), clock));
        long period = settings.reminderPeriod().toMillis();
        this.background = new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the dispatcher retries; the timer tries again at its next tick
                from(EVENTS).routeId("moderation.held-posts").process(e -> {
                    DomainEvent event = e.getIn().getBody(DomainEvent.class);
                    if (LocalManagerEvents.MESSAGE_REPORTED.equals(event.type())) {
                        messageReviews.reported(event);
                    } else {
                        review.submitted(event);
                    }
                });
                from("timer:moderation.reminders?delay=" + period + "&period=" + period).routeId("moderation.reminders")
                    .process(e -> review.remind());
                from("timer:moderation.ruleset-files?delay=1000&period=" + RULESET_FILES_PERIOD_MS).routeId("moderation.ruleset-files")
                    .process(e -> ruleSetFiles.scan());
            }
        };
    }

    /**
     * What etc/org.entraide.moderation.cfg sets.
     *
     * @param ruleSetsDir where {@code entraide-moderation-<brand>.json} files are read from; null for none
     */
    public record ModerationSettings(double flagThreshold, Duration remindAfter, Duration reminderPeriod, Path ruleSetsDir) {
        public static ModerationSettings defaults() {
            return new ModerationSettings(3.0, Duration.ofHours(24), Duration.ofMinutes(1), null);
        }
    }
}
