package org.entraide.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.entraide.api.event.EventLog;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.core.internal.account.AccountMails;
import org.entraide.core.internal.account.AccountRecovery;
import org.entraide.core.internal.account.MyAccount;
import org.entraide.core.internal.account.Sessions;
import org.entraide.core.internal.brand.BrandAdministration;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.db.FlywayMigrator;
import org.entraide.core.internal.event.TypedEvents;
import org.entraide.core.internal.platform.ComplaintMoves;
import org.entraide.core.internal.platform.PlatformReads;
import org.entraide.core.internal.platform.PlatformTime;
import org.entraide.core.internal.event.DeadLetters;
import org.entraide.core.internal.event.EventDispatcher;
import org.entraide.core.internal.event.EventMonitor;
import org.entraide.core.internal.event.EventStore;
import org.entraide.core.internal.event.OutboxEventLog;
import org.entraide.core.internal.feature.Capabilities;
import org.entraide.core.internal.mail.MailQueue;
import org.entraide.core.internal.mail.MailRoutes;
import org.entraide.core.internal.mail.MailSender;
import org.entraide.core.internal.plugin.CamelDeliverer;
import org.entraide.core.internal.plugin.EventRoutes;
import org.entraide.core.internal.plugin.FeatureRoutes;
import org.entraide.core.internal.plugin.PluginEndpoints;
import org.entraide.core.internal.plugin.SubmissionPipeline;
import org.entraide.core.internal.post.ComplaintQueries;
import org.entraide.core.internal.post.ComplaintService;
import org.entraide.core.internal.post.PostPublications;
import org.entraide.core.internal.post.Posts;
import org.entraide.core.internal.post.QuestionQueries;
import org.entraide.core.internal.post.QuestionService;
import org.entraide.core.internal.post.VoteService;
import org.entraide.core.internal.rest.AccountRoutes;
import org.entraide.core.internal.rest.AdminRoutes;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.AuthRoutes;
import org.entraide.core.internal.rest.ComplaintRoutes;
import org.entraide.core.internal.rest.FallbackRoutes;
import org.entraide.core.internal.rest.HealthRoutes;
import org.entraide.core.internal.rest.ClientAddress;
import org.entraide.core.internal.rest.InstanceAdminCheck;
import org.entraide.core.internal.rest.LoginThrottle;
import org.entraide.core.internal.rest.JsonCodec;
import org.entraide.core.internal.rest.OpenApiRoutes;
import org.entraide.core.internal.rest.ProfileRoutes;
import org.entraide.core.internal.rest.QuestionRoutes;
import org.entraide.core.internal.rest.RateLimits;
import org.entraide.core.internal.rest.RequestBodies;
import org.entraide.core.internal.security.InstanceAdmins;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.user.AccountService;
import org.entraide.core.internal.user.Profiles;
import org.entraide.core.internal.user.Users;

/**
 * The core's object graph, built from a DataSource and settings, with no OSGi types: the DS component
 * and the tests build the same thing. {@link #connect(CamelContext)} gives it the shared CamelContext.
 */
public final class Core {
    public final Database db;
    /** Online backups of the embedded database (entraide:backup). */
    public final org.entraide.core.internal.db.Backups backups;
    public final FlywayMigrator migrator;
    public final EventLog events;
    public final TypedEvents eventReader = new TypedEvents();
    public final BrandDirectory brands;
    public final BrandAdministration administration;
    public final AccountService accounts;
    public final org.entraide.core.internal.apikey.ApiKeys apiKeys;
    /** Topic experts, from the badges plugin when it is installed. */
    public final org.entraide.core.internal.post.Experts experts = new org.entraide.core.internal.post.Experts();
    /** Privileges earned with reputation, from the reputation plugin when it is installed. */
    public final org.entraide.core.internal.post.Privileges privileges = new org.entraide.core.internal.post.Privileges();
    public final QuestionService questions;
    public final QuestionQueries questionQueries;
    public final VoteService votes;
    public final ComplaintService complaints;
    /** Who else answers complaints officially, from plugins (local managers: regions, central team). */
    public final org.entraide.core.internal.post.OfficialVoices voices;
    public final ComplaintQueries complaintQueries;
    public final PostPublications publications;
    /** What plugins read of the core, and the complaint commands they may give: the platform services. */
    public final PlatformReads platform;
    public final ComplaintMoves complaintMoves;
    public final org.entraide.core.internal.platform.ContributionCommands contributions;
    public final RequestBodies bodies;
    /** Markdown to sanitized HTML, and the posts' bodies it rendered when they were written. */
    public final ContentRenderer renderer;
    public final org.entraide.api.web.Pictures pictures = new org.entraide.core.internal.picture.Photos();
    public final org.entraide.core.internal.post.RenderedBodies renderedBodies;
    public final Capabilities capabilities;
    public final SubmissionPipeline pipeline;
    public final EventStore eventStore;
    public final EventDispatcher dispatcher;
    /** The API's dispatcher (tests keep its shared reads longer, to see them). */
    public final ApiDispatcher apiDispatcher;
    public final EventMonitor monitor;
    public final DeadLetters deadLetters;
    public final PluginEndpoints endpoints;
    public final List<RoutesBuilder> routes;
    /** Rate limits, counted in the database so that every node shares them. */
    public final RateLimits limits;
    /** E-mail, a platform service: the queue plugins write to, and what delivers it. */
    public final MailQueue mail;
    public final MailSender mailSender;
    /** What unverified accounts may do, per brand; the e-mails of account life and their links' base URL. */
    public final org.entraide.core.internal.account.AccountPolicy accountPolicy;
    public final AccountMails accountMails;
    public final AccountRecovery recovery;
    /** Single sign-on with brands' OpenID Connect providers, and the key sealing their client secrets. */
    public final org.entraide.core.internal.sso.SecretBox ssoSecrets = org.entraide.core.internal.sso.SecretBox.random();
    public final org.entraide.core.internal.sso.SingleSignOn sso;
    /** Privacy: every bundle's personal data (the core's first), exports, erasure, the brands' policies. */
    public final org.entraide.core.internal.privacy.PersonalDataServices personalData =
        new org.entraide.core.internal.privacy.PersonalDataServices();
    public final org.entraide.core.internal.privacy.PrivacyPolicies privacyPolicies =
        new org.entraide.core.internal.privacy.PrivacyPolicies();
    public final org.entraide.core.internal.privacy.Exports exports;
    public final org.entraide.core.internal.privacy.Erasure erasure;
    public final org.entraide.core.internal.privacy.Retention retention;
    private final ClientAddress clientAddress;
    /** Readiness and metrics, for load balancers and monitoring. */
    public final org.entraide.core.internal.ops.Readiness readiness;
    public final org.entraide.core.internal.metrics.MetricsReport metrics;
    private volatile org.entraide.core.internal.ops.OpsSettings ops = org.entraide.core.internal.ops.OpsSettings.defaults();
    private volatile org.entraide.core.internal.metrics.HttpMetrics httpMetrics;
    /** The answers served in front of Camel, once connected. */
    private volatile org.entraide.core.internal.camel.FrontCache front;
    /** The instance console: capabilities installed from the web, and its administrators' sessions. */
    public final org.entraide.core.internal.instance.InstanceCapabilities instanceCapabilities;
    public final org.entraide.core.internal.instance.InstanceSessions instanceSessions;
    private volatile java.util.function.Supplier<org.entraide.core.internal.instance.CapabilityInstaller> installer = () -> null;
    private final CamelDeliverer deliverer = new CamelDeliverer();
    /** Each brand's content version on this node, read by the web's page cache (through the Camel registry). */
    public final org.entraide.core.internal.freshness.ContentVersionTracker contentVersions =
        new org.entraide.core.internal.freshness.ContentVersionTracker();
    private ProducerTemplate template;

    public Core(DataSource dataSource, CoreSettings settings, InstanceAdmins instanceAdmins, PasswordHasher hasher,
                Clock clock) {
        this.migrator = new FlywayMigrator(dataSource);
        migrator.migrate("core", Core.class.getClassLoader(), "db/core");
        this.db = new Database(dataSource);
        this.backups = new org.entraide.core.internal.db.Backups(db);
        ObjectMapper json = JsonCodec.create();
        OutboxEventLog outbox = new OutboxEventLog(json, clock);
        this.events = outbox;
        this.brands = new BrandDirectory(db);
        outbox.onAppend((c, brandId) -> {
            String slug = contentVersions.knownSlug(brandId);
            if (slug == null) {
                slug = brands.find(c, brandId).map(org.entraide.api.model.Brand::slug).orElse(null);
                contentVersions.remember(brandId, slug);
            }
            String moved = slug;
            db.afterCommit(() -> contentVersions.moved(moved));
        });
        Users users = new Users(events);
        this.administration = new BrandAdministration(db, brands, users, hasher, clock);
        this.accounts = new AccountService(db, brands, users, hasher, PlatformTime.real(clock), settings.tokenLifetime());
        this.capabilities = new Capabilities(db, clock);
        capabilities.onChange(contentVersions::everyBrandMoved);
        this.pipeline = new SubmissionPipeline(capabilities);
        ContentRenderer renderer = new ContentRenderer();
        this.renderer = renderer;
        this.accountPolicy = new org.entraide.core.internal.account.AccountPolicy();
        Posts posts = new Posts(events, pipeline, accountPolicy, renderer);
        this.renderedBodies = posts.bodies;
        org.entraide.core.internal.post.Comments comments = new org.entraide.core.internal.post.Comments(db, posts, pipeline,
            new org.entraide.core.internal.content.CommentRenderer(), events, clock);
        org.entraide.core.internal.post.Duplicates duplicates = new org.entraide.core.internal.post.Duplicates(db, posts, events,
            clock, privileges);
        this.questions = new QuestionService(db, brands, posts, events, renderer, experts, comments, clock, duplicates);
        this.questionQueries = new QuestionQueries(db);
        this.votes = new VoteService(db, posts, pipeline, events, clock);
        this.voices = new org.entraide.core.internal.post.OfficialVoices(capabilities);
        this.complaints = new ComplaintService(db, brands, posts, events, renderer, voices, clock);
        this.complaintQueries = new ComplaintQueries(db);
        this.publications = new PostPublications(db, posts, events, clock);
        this.erasure = new org.entraide.core.internal.privacy.Erasure(db, users, hasher, privacyPolicies, personalData, posts,
            events, clock);
        this.platform = new PlatformReads(brands, users, posts);
        this.complaintMoves = new ComplaintMoves(brands, posts, events, clock, complaints);
        this.eventStore = new EventStore();
        this.dispatcher = new EventDispatcher(db, eventStore, deliverer, (EventDispatcher.Gate) capabilities::enabledAt, clock,
            settings.eventBatch());
        this.monitor = new EventMonitor(db, eventStore, dispatcher);
        this.deadLetters = new DeadLetters(db, eventStore, dispatcher, deliverer, clock);
        this.bodies = new RequestBodies(JsonCodec.requests(), settings.maxBodyBytes());
        this.limits = new RateLimits(db, clock, settings.rates());
        this.contributions = new org.entraide.core.internal.platform.ContributionCommands(brands, accounts, questions, limits,
            complaints, new org.entraide.core.internal.platform.Enrolment(users, hasher, clock));
        this.mail = new MailQueue(db, json, clock);
        this.mailSender = new MailSender(db, mail, settings.mail(), clock);
        this.accountMails = new AccountMails(mail, null);
        this.recovery = new AccountRecovery(db, brands, users, hasher, accountMails, clock, privacyPolicies);
        this.sso = new org.entraide.core.internal.sso.SingleSignOn(db, brands, users, accounts, hasher, accountMails, ssoSecrets,
            new org.entraide.core.internal.sso.SsoSettings(), new org.entraide.core.internal.sso.OidcProviders(), clock);
        accounts.setPasswordLoginGate(sso);
        personalData.add(new org.entraide.core.internal.privacy.CorePersonalData(db, clock));
        this.exports = new org.entraide.core.internal.privacy.Exports(db, personalData, mail, json, clock);
        this.retention = new org.entraide.core.internal.privacy.Retention(db, personalData, clock);
        LoginThrottle logins = new LoginThrottle(limits);
        InstanceAdminCheck instanceAdminCheck = new InstanceAdminCheck(instanceAdmins, logins);
        this.clientAddress = new ClientAddress(settings.trustedProxies());
        ApiDispatcher dispatcherApi = new ApiDispatcher(json, bodies, accounts, brands::require, clientAddress);
        this.apiKeys = new org.entraide.core.internal.apikey.ApiKeys(db, clock);
        dispatcherApi.keys(new org.entraide.core.internal.apikey.ApiKeyGate(apiKeys, limits));
        dispatcherApi.keepSharedReads(contentVersions, 1000, java.time.Duration.ofSeconds(1).toNanos());
        this.apiDispatcher = dispatcherApi;
        this.endpoints = new PluginEndpoints(dispatcherApi, capabilities);
        this.readiness = new org.entraide.core.internal.ops.Readiness(db, migrator, monitor, () -> ops.maxEventLag());
        this.metrics = new org.entraide.core.internal.metrics.MetricsReport(db, monitor, () -> httpMetrics);
        this.instanceSessions = new org.entraide.core.internal.instance.InstanceSessions(db, PlatformTime.real(clock));
        this.instanceCapabilities = new org.entraide.core.internal.instance.InstanceCapabilities(() -> installer.get(),
            capabilities, brands, clock);
        List<ApiRoutes> api = List.of(
            new HealthRoutes(dispatcherApi, db),
            new AuthRoutes(dispatcherApi, accounts, recovery, limits, logins),
            new AccountRoutes(dispatcherApi, recovery, new MyAccount(db, users, hasher, accountMails, clock),
                new Sessions(db, PlatformTime.real(clock)), accountPolicy, db, limits, logins),
            new AdminRoutes(dispatcherApi, brands, administration, instanceAdminCheck),
            new org.entraide.core.internal.rest.SsoRoutes(dispatcherApi, sso, limits),
            new QuestionRoutes(dispatcherApi, questions, questionQueries, votes, limits, renderer),
            new ComplaintRoutes(dispatcherApi, complaints, complaintQueries, limits),
            new org.entraide.core.internal.rest.PostRoutes(dispatcherApi,
                new org.entraide.core.internal.post.PostEdits(db, posts, pipeline, renderer, clock), db, limits),
            new org.entraide.core.internal.rest.CommentRoutes(dispatcherApi, comments, limits),
            new FeatureRoutes(dispatcherApi, capabilities),
            new org.entraide.core.internal.rest.ApiKeyRoutes(dispatcherApi, apiKeys),
            new org.entraide.core.internal.rest.StaffNoteRoutes(dispatcherApi, questions.staffNotes()),
            new ProfileRoutes(dispatcherApi, new Profiles(db)),
            new org.entraide.core.internal.rest.DraftRoutes(dispatcherApi,
                new org.entraide.core.internal.draft.Drafts(db, clock), limits),
            new org.entraide.core.internal.rest.AvatarRoutes(dispatcherApi,
                new org.entraide.core.internal.avatar.Avatars(db, clock), limits),
            new org.entraide.core.internal.rest.BrowseRoutes(dispatcherApi,
                new org.entraide.core.internal.post.Contributors(db, experts), new org.entraide.core.internal.post.MyPosts(db),
                new org.entraide.core.internal.post.SitemapQueries(db),
                duplicates),
            new EventRoutes(dispatcherApi, dispatcher, monitor, deadLetters, instanceAdminCheck, settings.eventPoll()),
            new MailRoutes(dispatcherApi, mailSender, mail, settings.mail().poll()),
            new org.entraide.core.internal.rest.PrivacyRoutes(dispatcherApi, exports, erasure, privacyPolicies, retention, db,
                limits, clock, settings.mail().poll()),
            new org.entraide.core.internal.rest.OpsRoutes(dispatcherApi, readiness, metrics, instanceAdminCheck, () -> ops),
            new org.entraide.core.internal.rest.InstanceConsoleRoutes(dispatcherApi, instanceCapabilities, instanceSessions,
                instanceAdminCheck));
        List<RoutesBuilder> all = new ArrayList<>(api);
        all.add(new OpenApiRoutes(dispatcherApi, api));
        all.add(new FallbackRoutes(dispatcherApi));
        all.add(new org.entraide.core.internal.post.RenderRoutes(db, renderedBodies));
        this.routes = List.copyOf(all);
    }

    /** Gives the core the CamelContext its routes live in: events and e-mail then go through Camel. */
    public void connect(CamelContext camel) {
        httpMetrics = camel.getRegistry().lookupByNameAndType(org.entraide.core.internal.camel.CamelContexts.HTTP_METRICS,
            org.entraide.core.internal.metrics.HttpMetrics.class);
        camel.getRegistry().bind(org.entraide.api.web.ContentVersions.REGISTRY_NAME, contentVersions);
        front = camel.getRegistry().lookupByNameAndType(org.entraide.core.internal.camel.FrontCache.FILTER_NAME,
            org.entraide.core.internal.camel.FrontCache.class);
        if (front != null) {
            front.versions(contentVersions);
            apiDispatcher.shareWith(front);
        }
        template = camel.createProducerTemplate();
        deliverer.connect(template);
        mailSender.connect(template);
    }

    /** The answers served in front of Camel on this node, or null before {@link #connect(CamelContext)}. */
    public org.entraide.core.internal.camel.FrontCache front() {
        return front;
    }

    /** Stops what {@link #connect(CamelContext)} started. */
    public void disconnect() {
        if (front != null) {
            front.versions(null);
        }
        instanceCapabilities.close();
        mailSender.connect(null);
        deliverer.connect(null);
        if (template != null) {
            try {
                template.stop();
            } catch (Exception e) {
                // the context is going away anyway
            }
            template = null;
        }
    }

    /** Where the instance console finds the feature installer (Karaf's in the distribution, a fake in tests). */
    public void useInstaller(java.util.function.Supplier<org.entraide.core.internal.instance.CapabilityInstaller> found) {
        this.installer = found;
    }

    /** Applies the operations settings (readiness, metrics), which may change while running. */
    public void updateOps(org.entraide.core.internal.ops.OpsSettings settings) {
        this.ops = settings;
    }

    /** Applies settings that may change while running. */
    public void update(CoreSettings settings) {
        accounts.setTokenLifetime(settings.tokenLifetime());
        bodies.setMaxBytes(settings.maxBodyBytes());
        limits.update(settings.rates());
        clientAddress.update(settings.trustedProxies());
        mailSender.configure(settings.mail());
    }
}
