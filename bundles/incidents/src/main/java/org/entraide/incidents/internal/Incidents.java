package org.entraide.incidents.internal;

import java.time.Clock;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.localmanagers.Regions;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.incidents.IncidentEvents;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.text.Markdown;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.incidents.internal.detect.Detector;
import org.entraide.incidents.internal.detect.Proposals;
import org.entraide.incidents.internal.store.HourlyCounts;
import org.entraide.incidents.internal.store.IncidentStore;
import org.entraide.incidents.internal.store.Items;
import org.entraide.incidents.internal.store.Statements;
import org.entraide.incidents.internal.web.IncidentEndpoints;
import org.entraide.incidents.internal.web.IncidentRoutes;
import org.entraide.incidents.internal.web.IncidentViews;

/**
 * The incidents plugin's object graph, built from the core's services: the same graph in Karaf (by the DS component)
 * and in tests.
 */
public final class Incidents {
    public static final String SUBSCRIBER = "incidents";
    static final String ENDPOINT = "direct:incidents.apply";

    /** The core's services the plugin uses. */
    public record Core(Transactions tx, EventLog events, EventReader reader, SchemaMigrator migrator, ApiEndpoints endpoints,
                       Posts posts, Stores stores, Complaints complaints, Markdown markdown) {
    }

    public final IncidentStore incidents = new IncidentStore();
    public final Statements statements = new Statements();
    public final Items items = new Items();
    public final HourlyCounts counts = new HourlyCounts();
    public final Proposals proposals = new Proposals();
    public final Detector detector;
    private volatile Regions regions = NoRegions.INSTANCE;
    public final IncidentService service;
    public final EventApplier applier;
    public final IncidentsPersonalData personalData;
    public final ItemsReader itemsReader = new ItemsReader(incidents, items);
    public final RouteBuilder routes;
    public final IncidentRoutes api;
    public final Capability capability = new Capability() {
        @Override
        public String name() {
            return IncidentEvents.CAPABILITY;
        }

        @Override
        public String description() {
            return "Crisis mode: incidents declared or detected, their items grouped, one official statement to everyone concerned.";
        }
    };
    // Incidents act on what happens while they are on (a workflow), from the head of the stream when first installed.
    public final EventSubscriber subscriber = () -> new SubscriberDescriptor(SUBSCRIBER, IncidentEvents.CAPABILITY, ENDPOINT,
        StartFrom.NOW, EventApplier.TYPES, 5);

    /** The plugin as Karaf starts it and the tests start it. */
    public Incidents(Core core, IncidentsSettings settings, Clock clock) {
        core.migrator().migrate("incidents", Incidents.class.getClassLoader(), "db/incidents");
        Attachments attachments = new Attachments(items, core.events(), clock);
        this.service = new IncidentService(core.tx(), core.events(), core.posts(), core.markdown(), clock, incidents, statements,
            items, attachments, new ComplaintClosing(core.posts(), core.complaints(), items), proposals, counts);
        this.applier = new EventApplier(core.tx(), core.reader(), core.posts(), incidents, counts, attachments);
        this.detector = new Detector(core.tx(), core.events(), counts, proposals, settings, () -> regions);
        this.personalData = new IncidentsPersonalData(core.tx());
        this.api = new IncidentRoutes(core.endpoints(), new IncidentEndpoints(core.tx(), clock, core.stores(), incidents, items,
            new IncidentViews(core.stores(), statements, items, counts), service, settings.statementAnswers(), proposals, () -> regions));
        this.routes = new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the dispatcher retries, then parks the event as a dead letter
                from(ENDPOINT).routeId("incidents.apply").process(e -> applier.apply(e.getIn().getBody(DomainEvent.class)));
                from("timer:incidents.detect?delay=" + settings.periodMillis() + "&period=" + settings.periodMillis())
                    .routeId("incidents.detect").process(e -> detector.run(clock.instant()));
            }
        };
    }

    /** The brand's regions, from local managers when they run. */
    public void useRegions(Regions r) {
        this.regions = r == null ? NoRegions.INSTANCE : r;
        applier.useRegions(r);
    }

    /** Every service the plugin provides: its routes first, then its capability, subscriber, personal data and items. */
    public List<Object> services() {
        return List.of(routes, api, capability, subscriber, personalData, itemsReader);
    }
}
