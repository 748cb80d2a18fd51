package org.entraide.localmanagers.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.mail.Mail;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.model.Brand;
import org.entraide.api.model.PostType;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.jdbc.Sql;
import org.entraide.localmanagers.internal.store.IdentityAccessLog;
import org.entraide.localmanagers.internal.store.StoreSettings;
import org.entraide.localmanagers.internal.store.Timeline;
import org.entraide.localmanagers.internal.web.ManagerEndpoints;
import org.entraide.localmanagers.internal.web.Lookups;
import org.entraide.localmanagers.internal.web.ManagerRoutes;
import org.entraide.localmanagers.internal.web.PrivateEndpoints;
import org.entraide.localmanagers.internal.web.PrivateMessageService;

/** The local-managers plugin's object graph, built from the core's services: in Karaf and in tests alike. */
public final class LocalManagers {
    static final String EVENTS = "direct:localmanagers.events";

    public final StoreSettings stores = new StoreSettings();
    public final Timeline timeline = new Timeline();
    public final Rankings rankings;
    public final RegionalVoices voices;
    public final Routing routing;
    public final Deadlines deadlines;
    public final ManagerEndpoints endpoints;
    /** The private messages between a complainant and their manager. */
    public final PrivateEndpoints parties;
    /** Private messages sent on a member's behalf by other plugins (replies by e-mail). */
    public final PrivateMessageService messages;
    private volatile BrandFeatures features = (brandId, capability) -> false;
    public final ManagerRoutes api;
    public final RouteBuilder background;
    /** Complaints late per brand, in the platform's metrics. */
    public final LateComplaints late;
    /** What the plugin holds about a member, for their export and the closing of their account. */
    public final LocalManagersPersonalData personalData;
    private final Transactions tx;
    private final Platform platform;
    /**
     * From the beginning: installed on a server that already has complaints, it routes those of the brands that
     * had chosen the capability (their deadlines run from the routing, see Routing), instead of leaving their
     * managers' inboxes empty; brands that enable it later get the complaints from then on (docs/plugins.md).
     */
    public final EventSubscriber subscriber = () -> new SubscriberDescriptor("local-managers", LocalManagerEvents.CAPABILITY,
        EVENTS, StartFrom.BEGINNING, Set.of(EventTypes.COMPLAINT_FILED, EventTypes.COMPLAINT_PUBLISHED,
            EventTypes.COMPLAINT_RESPONDED, EventTypes.COMPLAINT_RESOLVED, EventTypes.COMPLAINT_UNRESOLVED, EventTypes.COMPLAINT_REOPENED,
            org.entraide.api.incidents.IncidentEvents.ITEM_ATTACHED, org.entraide.api.channels.ChannelEvents.STORE_THANKED), 5);
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

    /** What the plugin takes from the core: the component's references in Karaf, the test server's services in tests. */
    public record CoreServices(Transactions tx, EventLog events, SchemaMigrator migrator, ApiEndpoints endpoints,
                               Platform platform, Mail mail, BrandFeatures features) {
    }

    /** The brand's regions for other plugins (incidents). */
    public final StoreRegions regions = new StoreRegions();

    /** Who handles a complaint, for other plugins (channels). */
    public final ComplaintAssignments assignments = new ComplaintAssignments();

    /**
     * The plugin as Karaf starts it: the one factory its component and the tests call, so that a test cannot wire it
     * differently. Its services are then {@link #services()}, and the moderation's message rules, when present, come
     * through {@link #useMessageRules}.
     */
    public static LocalManagers start(CoreServices core, Routing.Settings settings, Rankings.Formula formula,
                                      long deadlinePeriodMillis, Clock clock) {
        LocalManagers started = new LocalManagers(core.tx(), core.events(), core.migrator(), core.endpoints(), core.platform(),
            settings, formula, core.mail(), deadlinePeriodMillis, clock);
        started.useFeatures(core.features());
        return started;
    }

    /**
     * Every service the plugin provides, in the order they must appear: its routes before its capability, its
     * subscriber and its regional voices. Its components register exactly these (a test compares them).
     */
    public List<Object> services() {
        return List.of(background, api, capability, subscriber, voices, messages, late, personalData, regions, assignments);
    }

    /** The moderation plugin's rules for private messages, when it is installed (null when it goes). */
    public void useMessageRules(PrivateMessageRules rules) {
        parties.useMessageRules(rules);
        messages.useRules(rules);
    }

    /** Which capabilities each brand has on: the core's, once started. */
    public void useFeatures(BrandFeatures brandFeatures) {
        this.features = brandFeatures;
        routing.useFeatures(brandFeatures);
    }

    private LocalManagers(Transactions tx, EventLog events, SchemaMigrator migrator, ApiEndpoints api, Platform platform,
                         Routing.Settings settings, Rankings.Formula formula, Mail mail, long deadlinePeriodMillis,
                         Clock clock) {
        this.tx = tx;
        this.platform = platform;
        this.personalData = new LocalManagersPersonalData(tx, platform);
        this.rankings = new Rankings(platform.stores());
        migrator.migrate("localmanagers", LocalManagers.class.getClassLoader(), "db/localmanagers");
        this.voices = new RegionalVoices(tx);
        this.routing = new Routing(tx, events, stores, timeline, settings, mail, platform, clock);
        this.deadlines = new Deadlines(tx, events, timeline, clock);
        this.late = new LateComplaints(tx, platform, clock);
        this.endpoints = ManagerEndpoints.of(tx, stores, timeline, rankings, routing, formula, new Lookups(platform), clock);
        this.parties = new PrivateEndpoints(tx, events, platform, (brandId, capability) -> features.isEnabled(brandId, capability),
            clock);
        // the brands' capabilities are known once started: asked at each message, not captured now
        this.messages = new PrivateMessageService(events, platform, (brandId, capability) -> features.isEnabled(brandId, capability),
            clock);
        this.api = new ManagerRoutes(api, endpoints, parties);
        this.background = new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the dispatcher retries; the timer tries again at its next tick
                from(EVENTS).routeId("localmanagers.route").process(e -> routing.apply(e.getIn().getBody(DomainEvent.class)));
                from("timer:localmanagers.deadlines?delay=" + deadlinePeriodMillis + "&period=" + deadlinePeriodMillis)
                    .routeId("localmanagers.deadlines").process(e -> deadlines.run(200));
            }
        };
    }

    /**
     * A page of the brand's log of readings of complainants' identities, newest first ({@code complaintId} null for
     * all); empty when no brand has that slug, a 404 problem for a complaint of another brand.
     */
    public Optional<IdentityAccessLog.Page> identityAccess(String brand, Long complaintId, int limit, long offset) {
        return tx.inTransaction(c -> {
            Optional<Long> id = platform.brands().bySlug(c, brand).map(Brand::id);
            if (id.isPresent() && complaintId != null && platform.posts().post(c, id.get(), complaintId)
                .filter(p -> p.type() == PostType.COMPLAINT).isEmpty()) {
                throw ProblemException.notFound("no complaint " + complaintId + " in " + brand);
            }
            return id.map(b -> IdentityAccessLog.read(c, platform, b, complaintId, limit, offset));
        });
    }
}
