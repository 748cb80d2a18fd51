package org.entraide.channels.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventTypes;
import org.entraide.api.localmanagers.Assignments;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.mail.Mail;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.Pictures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The channels plugin: a store's QR code, thanks to its team, the brand's channel settings (the origins that may
 * frame its widget). A configuration change re-creates the component, and with it its routes.
 */
@Component(name = "org.entraide.channels", service = {EventSubscriber.class, RoutesBuilder.class, PersonalData.class})
@Designate(ocd = ChannelsConfig.class)
public class ChannelsPlugin extends RouteBuilder implements PersonalData, EventSubscriber {
    private static final String EVENTS = "direct:channels.events";
    /** The events that close a complaint (its author's evaluation, or local managers' closing without it) or reopen it. */
    static final Set<String> CLOSING = Set.of(EventTypes.COMPLAINT_RESOLVED, EventTypes.COMPLAINT_UNRESOLVED,
        LocalManagerEvents.COMPLAINT_CLOSED);
    private static final String STORE = "/brands/{brand}/stores/{code}";
    private static final String SETTINGS = "/brands/{brand}/channels";
    private static final String ATTACHMENTS = "/brands/{brand}/complaints/{id}/attachments";

    private final Transactions tx;
    private final ApiEndpoints endpoints;
    private final ThanksStore store = new ThanksStore();
    private final IntakeStore intake = new IntakeStore();
    private final RelayStore relays = new RelayStore();
    private volatile PrivateMessages privateMessages;
    private volatile Assignments assignments;
    private final Attachments attachments = new Attachments();
    private final AttachmentsApi attachmentsApi;
    private final ChannelsApi api;
    private final IntakeApi intakeApi;
    private final RelayApi relayApi;
    private final EmailIntake mailbox;
    private final ChannelSettings settings;
    private final Members members;

    @Activate
    public ChannelsPlugin(@Reference Transactions tx, @Reference SchemaMigrator migrator, @Reference ApiEndpoints endpoints,
                          @Reference Stores stores, @Reference Brands brands, @Reference Members members,
                          @Reference Posts posts, @Reference EventLog events,
                          @Reference Contributions contributions, @Reference Mail mail, @Reference BrandFeatures features,
                          @Reference Pictures pictures, ChannelsConfig config) {
        this(new CoreServices(tx, migrator, endpoints, stores, brands, members, posts, events, contributions, mail, features,
            pictures),
            ChannelSettings.of(config), Clock.systemUTC());
    }

    public ChannelsPlugin(CoreServices core, ChannelSettings settings, Clock clock) {
        this.tx = core.tx();
        this.endpoints = core.endpoints();
        this.settings = settings;
        this.members = core.members();
        StoreSide storeSide = new StoreSide(core.members(), () -> assignments);
        this.attachmentsApi = new AttachmentsApi(core, attachments, store, settings, storeSide, clock);
        this.api = new ChannelsApi(tx, core.stores(), core.events(), store, intake, settings, clock);
        this.intakeApi = new IntakeApi(core, intake, relays, attachments, settings, clock);
        this.relayApi = new RelayApi(core, intake, relays, storeSide, settings.relayAfterClose(), clock);
        PrivateThread thread = new PrivateThread(tx, relays, () -> privateMessages, clock);
        this.mailbox = new EmailIntake(core, intake, relays, new FollowUps(core, intake, relays, thread),
            new ContactRelay(core, relays, thread, storeSide, settings.relayAfterClose(), clock), attachments, attachmentsApi,
            settings, clock);
        core.migrator().migrate("channels", ChannelsPlugin.class.getClassLoader(), "db/channels");
    }

    /**
     * Local managers' private messages, optional so that channels work without local managers: then follow-ups and
     * messages through the relay are refused (kept as such, sent to nobody).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void bindPrivateMessages(PrivateMessages m) {
        this.privateMessages = m;
    }

    void unbindPrivateMessages(PrivateMessages m) {
        if (this.privateMessages == m) {
            this.privateMessages = null;
        }
    }

    /**
     * Local managers' assignments, optional too: with them the relay's store side is the assigned manager (and the
     * region's managers once escalated), who also read the attachments; without them, the store's managers.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void bindAssignments(Assignments a) {
        this.assignments = a;
    }

    void unbindAssignments(Assignments a) {
        if (this.assignments == a) {
            this.assignments = null;
        }
    }

    /** From the beginning, so that the relay knows when complaints closed before the plugin was installed were closed. */
    @Override
    public SubscriberDescriptor descriptor() {
        Set<String> types = new java.util.HashSet<>(CLOSING);
        types.add(EventTypes.COMPLAINT_REOPENED);
        return new SubscriberDescriptor("channels", ChannelsCapability.NAME, EVENTS, StartFrom.BEGINNING, types, 5);
    }

    /** In the dispatcher's transaction: a complaint's closing time, kept once per event however often it is replayed. */
    private void apply(DomainEvent event) {
        tx.inTransaction(c -> {
            if (CLOSING.contains(event.type())) {
                relays.closed(c, event.brandId(), event.subjectId(), event.occurredAt());
            } else if (EventTypes.COMPLAINT_REOPENED.equals(event.type())) {
                relays.reopened(c, event.subjectId());
            }
            return null;
        });
    }

    @Override
    public void configure() {
        String cap = ChannelsCapability.NAME;
        Set<String> none = Set.of();
        rest(ApiEndpoints.BASE).get(STORE + "/qr").produces(ImageChoice.PNG + "," + ImageChoice.SVG).to("direct:channels.qr")
            .post(STORE + "/thanks").type(ChannelsApi.Thank.class).to("direct:channels.thank")
            .get(STORE + "/thanks").to("direct:channels.thanks")
            .get(SETTINGS + "/settings").to("direct:channels.settings")
            .put(SETTINGS + "/settings").type(ChannelsApi.Settings.class).to("direct:channels.settings-save")
            .get(SETTINGS + "/embed").to("direct:channels.embed")
            .post(SETTINGS + "/intake/{token}").to("direct:channels.intake-confirm")
            .get("/brands/{brand}/complaints/{id}/relay").to("direct:channels.relay")
            .post(ATTACHMENTS).to("direct:channels.attachment-add")
            .get(ATTACHMENTS).to("direct:channels.attachments")
            .get(ATTACHMENTS + "/{attachment}").produces(Pictures.JPEG).to("direct:channels.attachment");
        from("direct:channels.attachment-add").routeId("channels.attachment-add").process(endpoints.uploadProcessor(cap,
            attachmentsApi::add, settings.attachmentMaxBytes(), Pictures.READABLE, "brand", "id"));
        from("direct:channels.attachments").routeId("channels.attachments")
            .process(endpoints.processor(cap, attachmentsApi::list, none, "brand", "id"));
        from("direct:channels.attachment").routeId("channels.attachment")
            .process(endpoints.processor(cap, attachmentsApi::image, none, "brand", "id", "attachment"));
        from("direct:channels.qr").routeId("channels.qr").process(endpoints.processor(cap, api::qr, none, "brand", "code"));
        from("direct:channels.thank").routeId("channels.thank").process(endpoints.processor(cap, api::thank, none, "brand", "code"));
        from("direct:channels.thanks").routeId("channels.thanks").process(endpoints.processor(cap, api::thanks, none, "brand", "code"));
        from("direct:channels.settings").routeId("channels.settings").process(endpoints.processor(cap, api::settings, none, "brand"));
        from("direct:channels.settings-save").routeId("channels.settings-save")
            .process(endpoints.processor(cap, api::saveSettings, none, "brand"));
        from("direct:channels.embed").routeId("channels.embed").process(endpoints.processor(cap, api::embed, none, "brand"));
        from("direct:channels.intake-confirm").routeId("channels.intake-confirm")
            .process(endpoints.processor(cap, intakeApi::confirm, none, "brand", "token"));
        from("direct:channels.relay").routeId("channels.relay")
            .process(endpoints.processor(cap, relayApi::address, none, "brand", "id"));
        from(EVENTS).routeId("channels.events").process(e -> apply(e.getIn().getBody(DomainEvent.class)));
        if (settings.intakeImapUri() != null) {
            // the raw jakarta.mail message: its recipients, its Message-ID and its parts are all needed
            String uri = settings.intakeImapUri();
            String inbound = uri.contains("mapMailMessage=") ? uri : uri + (uri.contains("?") ? "&" : "?") + "mapMailMessage=false";
            from(inbound).routeId("channels.intake").process(e -> mailbox.handle(e.getIn().getBody(jakarta.mail.Message.class)));
        }
    }

    /** The key of channels' part of a member's export. */
    @Override
    public String name() {
        return "channels";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("messagesToStores", intake.titlesOf(c, brandId, userId));
            out.put("attachments", attachments.sentBy(c, brandId, userId).stream().map(row -> {
                Attachments.Attachment a = (Attachments.Attachment) row[0];
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("complaintId", a.complaintId());
                m.put("source", a.source());
                m.put("mediaType", a.mediaType());
                m.put("createdAt", a.createdAt().toString());
                // the picture itself, as the server re-encoded it: it is the member's data
                m.put("base64", java.util.Base64.getEncoder().encodeToString((byte[]) row[1]));
                return m;
            }).toList());
            out.put("thanks", store.sentBy(c, brandId, userId).stream().map(t -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", t.id());
                row.put("storeId", t.storeId());
                row.put("source", t.source());
                row.put("createdAt", t.createdAt().toString());
                if (t.message() != null) {
                    row.put("message", t.message());
                }
                return row;
            }).toList());
            return out;
        });
    }

    /** The stores keep their counts; the member's link to them and their words go. Idempotent. */
    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            store.forget(c, brandId, userId);
            String email = members.member(c, brandId, userId).map(m -> m.email()).orElse(null);
            attachments.forget(c, brandId, userId, intake.idsOf(c, brandId, userId, email));
            intake.forget(c, brandId, userId, email);
            return null;
        });
    }
}
