package org.entraide.localmanagers.internal;

import java.time.Clock;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.localmanagers.internal.store.Timeline;
import org.entraide.localmanagers.internal.web.ManagerEndpoints;
import org.entraide.localmanagers.internal.web.ManagerRoutes;

/** The local-managers plugin's object graph, built from the core's services: in Karaf and in tests alike. */
public final class LocalManagers {
    static final String EVENTS = "direct:localmanagers.events";

    public final StoreSettings stores = new StoreSettings();
    public final Timeline timeline = new Timeline();
    public final Rankings rankings = new Rankings();
    public final RegionalVoices voices;
    public final Mailer mailer;
    public final Routing routing;
    public final Deadlines deadlines;
    public final ManagerEndpoints endpoints;
    public final ManagerRoutes api;
    public final RouteBuilder background;
    public final EventSubscriber subscriber = () -> new SubscriberDescriptor("local-managers", LocalManagerEvents.CAPABILITY,
        EVENTS, StartFrom.NOW, Set.of(EventTypes.COMPLAINT_FILED, EventTypes.COMPLAINT_PUBLISHED,
            EventTypes.COMPLAINT_RESPONDED, EventTypes.COMPLAINT_RESOLVED, EventTypes.COMPLAINT_UNRESOLVED, EventTypes.COMPLAINT_REOPENED), 5);
    public final Capability capability = new Capability() {
        @Override
        public String name() {
            return LocalManagerEvents.CAPABILITY;
        }

        @Override
        public String description() {
            return "Routes each store's complaints to its managers, with deadlines, escalation and a public ranking.";
        }
    };

    public LocalManagers(Transactions tx, EventLog events, SchemaMigrator migrator, ApiEndpoints api,
                         Routing.Settings settings, Rankings.Formula formula, long deadlinePeriodMillis, Clock clock) {
        this(tx, events, migrator, api, settings, formula, Mailer.Settings.disabled(), deadlinePeriodMillis, clock);
    }

    public LocalManagers(Transactions tx, EventLog events, SchemaMigrator migrator, ApiEndpoints api,
                         Routing.Settings settings, Rankings.Formula formula, Mailer.Settings mail, long deadlinePeriodMillis,
                         Clock clock) {
        migrator.migrate("localmanagers", LocalManagers.class.getClassLoader(), "db/localmanagers");
        this.mailer = new Mailer(tx, mail, clock);
        this.voices = new RegionalVoices(tx);
        this.routing = new Routing(tx, events, stores, timeline, settings, mailer, clock);
        this.deadlines = new Deadlines(tx, events, timeline, clock);
        this.endpoints = new ManagerEndpoints(tx, events, stores, timeline, rankings, routing, formula, clock);
        this.api = new ManagerRoutes(api, endpoints);
        this.background = new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the dispatcher retries; the timer tries again at its next tick
                from(EVENTS).routeId("localmanagers.route").process(e -> routing.apply(e.getIn().getBody(DomainEvent.class)));
                from("timer:localmanagers.deadlines?delay=" + deadlinePeriodMillis + "&period=" + deadlinePeriodMillis)
                    .routeId("localmanagers.deadlines").process(e -> deadlines.run(200));
                from("timer:localmanagers.mail?delay=5000&period=5000").routeId("localmanagers.mail")
                    .process(e -> mailer.send(e.getContext()));
            }
        };
    }
}
