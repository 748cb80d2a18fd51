package org.entraide.badges.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.badges.internal.store.Awards;
import org.entraide.badges.internal.store.MetricStore;
import org.entraide.badges.internal.store.PostCatalog;
import org.entraide.badges.internal.web.BadgeRoutes;

/**
 * The badges plugin's object graph, built from the core's services: the same graph in Karaf (by the DS
 * component) and in tests.
 */
public final class Badges {
    public static final String SUBSCRIBER = "badges";
    static final String ENDPOINT = "direct:badges.apply";

    public final Clock clock;
    public final Transactions tx;
    /** What the plugin holds about a member, for their export and the closing of their account. */
    public final BadgesPersonalData personalData;
    public final Definitions definitions;
    public final MetricStore metrics = new MetricStore();
    public final PostCatalog posts;
    /** The core's posts, members, stores and brands, read through the platform services. */
    public final CoreReads core;
    public final Awards awards;
    public final Evaluator evaluator;
    public final EventApplier applier;
    public final CatchUp catchUp;
    public final TopicExpertise expertise;
    public final RouteBuilder routes;
    public final BadgeRoutes api;
    public final Capability capability = new Capability() {
        @Override
        public String name() {
            return BadgeEvents.CAPABILITY;
        }

        @Override
        public String description() {
            return "Expert badges: declarative criteria over members' activity, awarded retroactively.";
        }
    };
    public final EventSubscriber subscriber = () -> new SubscriberDescriptor(SUBSCRIBER, null, ENDPOINT,
        StartFrom.BEGINNING, EventApplier.TYPES, 5);

    /**
     * Every service the plugin provides, in the order they must appear: its routes first, then its capability, its
     * topic expertise and its subscriber. Its components register exactly these, and the tests install them.
     */
    public List<Object> services() {
        return List.of(routes, api, capability, expertise, subscriber, personalData);
    }

    /** The plugin as Karaf starts it and the tests start it: the constructor is this one factory. */
    public Badges(Transactions tx, EventLog events, SchemaMigrator migrator, BrandFeatures features,
                  ApiEndpoints endpoints, CoreReads core, Path definitionsFile, long catchUpMillis, Clock clock) {
        migrator.migrate("badges", Badges.class.getClassLoader(), "db/badges");
        this.core = core;
        this.posts = new PostCatalog(core);
        this.clock = clock;
        this.tx = tx;
        this.personalData = new BadgesPersonalData(tx);
        this.definitions = new Definitions(definitionsFile);
        this.awards = new Awards(events);
        this.evaluator = new Evaluator(definitions, metrics, awards, features, clock);
        this.applier = new EventApplier(tx, core.events(), metrics, posts, evaluator);
        this.catchUp = new CatchUp(tx, definitions, metrics, evaluator, features, clock);
        this.expertise = new TopicExpertise(tx, definitions, awards, features);
        this.api = new BadgeRoutes(endpoints, tx, this);
        this.routes = new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the dispatcher retries, then parks the event as a dead letter
                from(ENDPOINT).routeId("badges.apply").process(e -> applier.apply(e.getIn().getBody(DomainEvent.class)));
                from("timer:badges.catch-up?delay=1000&period=" + catchUpMillis).routeId("badges.catch-up")
                    .process(e -> catchUp.run());
            }
        };
    }

    /** Event types the subscriber reads, for documentation and tests. */
    public static Set<String> eventTypes() {
        return EventApplier.TYPES;
    }
}
