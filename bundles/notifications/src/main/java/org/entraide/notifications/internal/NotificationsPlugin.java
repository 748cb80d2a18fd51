package org.entraide.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.event.EventReader;
import org.entraide.api.incidents.IncidentItems;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.mail.Mail;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.EventSubscriber;
import org.entraide.api.privacy.PersonalData;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.CursorPaging;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The notifications plugin: an event subscriber that writes each event's notifications (exactly once, in the
 * dispatcher's transaction) and their e-mails, a timer route that sends the e-mails grouped at the end of a thread's
 * window and the daily and weekly digests, the REST endpoints of members, brand admins and unsubscribe links, and,
 * when configured, the mail consumer reading replies by e-mail. A configuration change re-creates
 * the component, and with it its routes.
 */
@Component(name = "org.entraide.notifications", service = {EventSubscriber.class, RoutesBuilder.class, PersonalData.class})
@Designate(ocd = NotificationsConfig.class)
public class NotificationsPlugin extends RouteBuilder implements EventSubscriber, PersonalData {
    static final String EVENTS = "direct:notifications.events";
    private static final String ME = "/brands/{brand}/me";
    private static final String CAP = NotificationCapability.NAME;
    private static final int DIGEST_BATCH = 500;
    /** One run of the digest or fan-out timer stops there, so that a large brand does not hold its thread; the next goes on. */
    private static final long RUN_BUDGET_MILLIS = 50_000;

    private final Transactions tx;
    private final ApiEndpoints endpoints;
    private final BrandFeatures features;
    private final NotificationSettings settings;
    private final NotificationStore store = new NotificationStore();
    private final FanOuts fanOuts = new FanOuts();
    private volatile Instant nextPurge = Instant.MIN;
    private final Broadcasts broadcasts;
    private final Platform platform;
    private volatile Mail mail;
    private final Clock clock;
    private final Notifier notifier;
    private final NotificationMailer mailer;
    private final DailySummary summary;
    private volatile UnsubscribeTokens tokens;
    private volatile ReplyTokens replyTokens;
    private volatile PrivateMessages privateMessages;
    private volatile IncidentItems incidents;
    private final EmailReplies replies;
    private final NotificationsPersonalData personalData;

    @Activate
    public NotificationsPlugin(@Reference Transactions tx, @Reference SchemaMigrator migrator, @Reference ApiEndpoints endpoints,
                               @Reference Posts posts, @Reference Members members, @Reference Stores stores,
                               @Reference Brands brands, @Reference EventReader reader, @Reference BrandFeatures features,
                               @Reference Contributions contributions, NotificationsConfig config) {
        this(tx, migrator, endpoints, features, new Platform(posts, members, stores, brands, reader, contributions), null,
            NotificationSettings.of(config), Clock.systemUTC());
    }

    /**
     * The platform's e-mail service, optional so that the feature also resolves and runs on a core without it: then
     * notifications are shown in the product only.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void bindMail(Mail m) {
        this.mail = m;
    }

    void unbindMail(Mail m) {
        if (this.mail == m) {
            this.mail = null;
        }
    }

    /**
     * Local managers' private messages, optional so that notifications work without local managers: then a reply
     * by e-mail about a complaint is refused.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void bindPrivateMessages(PrivateMessages m) {
        this.privateMessages = m;
    }

    public void unbindPrivateMessages(PrivateMessages m) {
        if (this.privateMessages == m) {
            this.privateMessages = null;
        }
    }

    /**
     * The incidents' items, optional so that notifications work without incidents: then no incident is told of.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void bindIncidents(IncidentItems items) {
        this.incidents = items;
    }

    public void unbindIncidents(IncidentItems items) {
        if (this.incidents == items) {
            this.incidents = null;
        }
    }

    public NotificationsPlugin(Transactions tx, SchemaMigrator migrator, ApiEndpoints endpoints, BrandFeatures features,
                               Platform platform, Mail mail, NotificationSettings settings, Clock clock) {
        this.tx = tx;
        this.features = features;
        this.endpoints = endpoints;
        this.platform = platform;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        migrator.migrate("notifications", NotificationsPlugin.class.getClassLoader(), "db/notifications");
        this.personalData = new NotificationsPersonalData(tx, platform);
        this.mailer = new NotificationMailer(store, platform, settings, () -> this.mail, this::tokens, this::replyTokens);
        this.replies = new EmailReplies(tx, platform, features, settings, this::replyTokens, () -> this.privateMessages,
            new RefusedReplies(store, platform, settings, () -> this.mail), clock);
        this.summary = new DailySummary(store, platform, mailer, features, clock);
        this.notifier = new Notifier(store, fanOuts, platform, mailer, summary, clock,
            new IncidentNotices(store, fanOuts, platform, () -> this.incidents));
        this.broadcasts = new Broadcasts(tx, store, fanOuts, mailer, platform, clock);
    }

    @Override
    public SubscriberDescriptor descriptor() {
        // from the beginning: the platform gives a brand's events only from when it turned notifications on, so a brand
        // that enables them later is told of what happens from then on, never of its whole past at once
        return new SubscriberDescriptor("notifications", CAP, EVENTS, StartFrom.BEGINNING, Notifier.EVENT_TYPES, 5);
    }

    @Override
    public void configure() {
        // failures reach the dispatcher, which retries them; Camel need not log them too
        errorHandler(noErrorHandler());
        from(EVENTS).routeId("notifications.events").process(e -> handle(e.getIn().getBody(DomainEvent.class)));
        from("timer:notifications.flush?delay=5000&period=" + settings.flushPoll().toMillis()).routeId("notifications.flush")
            .process(e -> flushDue());
        from("timer:notifications.fanout?delay=1000&period=200").routeId("notifications.fanout").process(e -> fanOutsDue());
        from("timer:notifications.digests?delay=60000&period=" + settings.flushPoll().multipliedBy(2).toMillis())
            .routeId("notifications.digests").process(e -> digestsDue());
        from("timer:notifications.summary?delay=90000&period=600000").routeId("notifications.summary")
            .process(e -> summariesDue());

        if (settings.replyImapUri() != null) {
            // the raw jakarta.mail message: its recipients' +tokens, its Message-ID and its parts are all needed
            String uri = settings.replyImapUri();
            String inbound = uri.contains("mapMailMessage=") ? uri : uri + (uri.contains("?") ? "&" : "?") + "mapMailMessage=false";
            from(inbound).routeId("notifications.replies")
                .process(e -> replies.handle(e.getIn().getBody(jakarta.mail.Message.class)));
        }

        NotificationApi api = new NotificationApi(tx, store, platform, settings, this::tokens, clock);
        rest(ApiEndpoints.BASE)
            .get(ME + "/notifications").to("direct:notifications.list")
            .get(ME + "/notifications/count").to("direct:notifications.count")
            .post(ME + "/notifications/read-all").to("direct:notifications.read-all")
            .post(ME + "/notifications/viewing").type(NotificationApi.Viewing.class).to("direct:notifications.viewing")
            .post(ME + "/notifications/{id}/read").to("direct:notifications.read")
            .get(ME + "/notification-preferences").to("direct:notifications.preferences")
            .put(ME + "/notification-preferences").type(NotificationApi.Preferences.class).to("direct:notifications.preferences.set")
            .get(ME + "/follows").to("direct:notifications.follows")
            .put(ME + "/follows").type(NotificationApi.Follow.class).to("direct:notifications.follow")
            .delete(ME + "/follows").to("direct:notifications.unfollow")
            .get("/brands/{brand}/notifications/defaults").to("direct:notifications.defaults")
            .put("/brands/{brand}/notifications/defaults").type(NotificationApi.Defaults.class).to("direct:notifications.defaults.set")
            .get("/brands/{brand}/notifications/templates").to("direct:notifications.templates")
            .put("/brands/{brand}/notifications/templates/{kind}/{lang}").type(BrandTemplates.Template.class).to("direct:notifications.template.set")
            .delete("/brands/{brand}/notifications/templates/{kind}/{lang}").to("direct:notifications.template.delete")
            .post("/brands/{brand}/notifications/templates/{kind}/{lang}/preview").type(BrandTemplates.Template.class).to("direct:notifications.template.preview")
            .get("/brands/{brand}/notifications/unsubscribe").to("direct:notifications.unsubscribe.describe")
            .post("/brands/{brand}/notifications/unsubscribe").to("direct:notifications.unsubscribe")
            .get("/brands/{brand}/notifications/broadcasts").to("direct:notifications.broadcasts")
            .post("/brands/{brand}/notifications/broadcasts").type(Broadcasts.Broadcast.class).to("direct:notifications.broadcast");
        route("notifications.list", endpoints.processor(CAP, api::list, CursorPaging.with("unread", "lang"), "brand"));
        route("notifications.count", endpoints.processor(CAP, api::count, Set.of(), "brand"));
        route("notifications.read-all", endpoints.processor(CAP, api::readAll, Set.of(), "brand"));
        route("notifications.read", endpoints.processor(CAP, api::read, Set.of(), "brand", "id"));
        route("notifications.viewing", endpoints.processor(CAP, api::viewing, Set.of(), "brand"));
        route("notifications.preferences", endpoints.processor(CAP, api::preferences, Set.of(), "brand"));
        route("notifications.preferences.set", endpoints.processor(CAP, api::setPreferences, Set.of(), "brand"));
        route("notifications.follows", endpoints.processor(CAP, api::follows, Set.of(), "brand"));
        route("notifications.follow", endpoints.processor(CAP, api::follow, Set.of(), "brand"));
        route("notifications.unfollow", endpoints.processor(CAP, api::unfollow, Set.of("targetType", "targetKey"), "brand"));
        route("notifications.defaults", endpoints.processor(CAP, api::defaults, Set.of(), "brand"));
        route("notifications.defaults.set", endpoints.processor(CAP, api::setDefaults, Set.of(), "brand"));
        route("notifications.broadcasts", endpoints.processor(CAP, broadcasts::list, Set.of("page", "size"), "brand"));
        route("notifications.broadcast", endpoints.processor(CAP, broadcasts::post, Set.of(), "brand"));
        TemplateApi templates = new TemplateApi(tx, settings, clock);
        route("notifications.templates", endpoints.processor(CAP, templates::list, Set.of(), "brand"));
        route("notifications.template.set", endpoints.processor(CAP, templates::save, Set.of(), "brand", "kind", "lang"));
        route("notifications.template.delete", endpoints.processor(CAP, templates::delete, Set.of(), "brand", "kind", "lang"));
        route("notifications.template.preview", endpoints.processor(CAP, templates::preview, Set.of(), "brand", "kind", "lang"));
        route("notifications.unsubscribe.describe", endpoints.processor(CAP, api::describeUnsubscribe, Set.of("token"), "brand"));
        // mail clients post form-encoded bodies, which the platform's endpoints refuse: see OneClickUnsubscribe
        route("notifications.unsubscribe", new OneClickUnsubscribe(tx, platform, features, store, this::tokens));
    }

    private void route(String id, org.apache.camel.Processor processor) {
        from("direct:" + id).routeId(id).process(processor);
    }

    /** Writes an event's notifications and e-mails; called by the dispatcher, inside its transaction. */
    void handle(DomainEvent event) {
        tx.inTransaction(c -> {
            notifier.handle(c, event);
            return null;
        });
    }

    /** Broadcasts to the followers of a topic or a store. */
    Broadcasts broadcasts() {
        return broadcasts;
    }

    /** Sends the grouped e-mails of threads whose window ended. @return e-mails written */
    int flushDue() {
        return tx.inTransaction(c -> mailer.flushDue(c, clock.instant(), 200));
    }

    /**
     * Writes the fan-outs larger than one chunk, a chunk per transaction with its e-mails, until none is left or
     * {@value #RUN_BUDGET_MILLIS} ms have passed (the next run goes on); hourly, forgets the jobs finished long ago.
     * @return notifications written
     */
    int fanOutsDue() {
        long end = System.currentTimeMillis() + RUN_BUDGET_MILLIS;
        int written = 0;
        while (System.currentTimeMillis() < end) {
            Optional<FanOuts.Step> step = tx.inTransaction(c -> fanOuts.next(c, clock.instant()).map(s -> {
                mailer.afterEvent(c, s.eventId(), clock.instant());
                Broadcasts.reached(c, s);
                return s;
            }));
            if (step.isEmpty()) {
                if (clock.instant().isAfter(nextPurge)) {
                    nextPurge = clock.instant().plus(Duration.ofHours(1));
                    tx.inTransaction(c -> fanOuts.purge(c, clock.instant().minus(FanOuts.KEPT)));
                }
                break;
            }
            written += step.get().written();
        }
        return written;
    }

    /** Writes the brand admins' summaries of the day that ended. @return notifications written */
    int summariesDue() {
        return tx.inTransaction(summary::due);
    }

    /**
     * Sends the daily and weekly digests that are due: every member, in batches of {@value #DIGEST_BATCH} each in its
     * own transaction, within {@value #RUN_BUDGET_MILLIS} ms per run (the next run goes on). @return e-mails written
     */
    int digestsDue() {
        long end = System.currentTimeMillis() + RUN_BUDGET_MILLIS;
        int written = 0;
        for (Channel channel : new Channel[] {Channel.DAILY, Channel.WEEKLY}) {
            long after = 0;
            while (System.currentTimeMillis() < end) {
                long from = after;
                NotificationMailer.DigestBatch b = tx.inTransaction(c -> mailer.digestsDue(c, channel, clock.instant(), from,
                    DIGEST_BATCH));
                written += b.written();
                after = b.lastRecipient();
                if (b.members() < DIGEST_BATCH) {
                    break;
                }
            }
        }
        return written;
    }

    /** The signer of unsubscribe links: the configured secret, else one generated once and kept in the database. */
    UnsubscribeTokens tokens() {
        UnsubscribeTokens t = tokens;
        if (t == null) {
            t = new UnsubscribeTokens(secret());
            tokens = t;
        }
        return t;
    }

    /** The signer of reply addresses: the same secret as unsubscribe links, under another purpose. */
    ReplyTokens replyTokens() {
        ReplyTokens t = replyTokens;
        if (t == null) {
            t = new ReplyTokens(secret(), clock, settings.replyTokenLifetime());
            replyTokens = t;
        }
        return t;
    }

    private String secret() {
        return settings.unsubscribeSecret() != null ? settings.unsubscribeSecret()
            : tx.inTransaction(c -> store.secret(c, UnsubscribeTokens.newSecret()));
    }

    /** The key of notifications' part of a member's export. */
    @Override
    public String name() {
        return personalData.name();
    }

    @Override
    public java.util.Map<String, Object> export(long brandId, long userId) {
        return personalData.export(brandId, userId);
    }

    @Override
    public void erase(long brandId, long userId) {
        personalData.erase(brandId, userId);
    }
}
