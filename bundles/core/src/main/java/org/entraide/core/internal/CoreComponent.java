package org.entraide.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.entraide.api.event.EventLog;
import org.entraide.api.event.EventReader;
import org.entraide.api.mail.Mail;
import org.entraide.api.platform.Brands;
import org.entraide.api.platform.Complaints;
import org.entraide.api.platform.Contributions;
import org.entraide.api.platform.Members;
import org.entraide.api.platform.PlatformClock;
import org.entraide.api.platform.Posts;
import org.entraide.api.platform.Stores;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.plugin.Publications;
import org.entraide.api.security.RequestAuthenticator;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.Pictures;
import org.entraide.api.storage.SchemaMigrator;
import org.entraide.api.storage.Transactions;
import org.entraide.core.internal.demo.DemoScenario;
import org.entraide.api.text.Markdown;
import org.entraide.core.internal.demo.DemoScenarioThread;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.mail.MailSettings;
import org.entraide.core.internal.platform.PlatformTime;
import org.entraide.core.internal.ratelimit.RatePolicy;
import org.entraide.core.internal.security.JaasInstanceAdmins;
import org.entraide.core.internal.security.PasswordHasher;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the core on the {@code entraide} DataSource and the shared CamelContext: migrates the schema, then
 * publishes the platform services plugins use and the routes the shared CamelContext picks up. Plugins'
 * capabilities, subscribers and steps are bound by {@link PluginWhiteboard}.
 */
@Component(name = "org.entraide.core", immediate = true, service = {})
@Designate(ocd = CoreConfig.class)
public class CoreComponent {
    private static final Logger LOG = LoggerFactory.getLogger(CoreComponent.class);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile Core core;
    private Thread scenario;

    @Reference(target = "(dataSourceName=entraide)")
    private DataSource dataSource;

    @Reference
    private CamelContext camel;

    @Activate
    void activate(BundleContext bundle, CoreConfig config) {
        CoreSettings settings = settings(config);
        PlatformTime time = new PlatformTime(Clock.systemUTC());
        Core started = new Core(dataSource, settings,
            new JaasInstanceAdmins(config.instance_admin_realm(), config.instance_admin_role()), new PasswordHasher(), time);
        started.updateOps(ops(config));
        started.useInstaller(org.entraide.core.internal.instance.KarafInstallers.from(bundle));
        started.accountMails.setBaseUrl(config.public_base_url());
        started.ssoSecrets.useKey(ssoKey(config));
        started.exports.setBaseUrl(config.public_base_url());
        started.connect(camel);
        if (settings.demo()) {
            DemoSeeder demo = new DemoSeeder(started);
            if (config.demo_scenario()) {
                // the scenario plays part of its history in the past: the brand must be older still
                demo.seedIfAbsent(time, DemoScenario.HISTORY);
            } else {
                demo.seedIfAbsent();
            }
            demo.enableCapabilities();
            if (config.demo_scenario()) {
                scenario = DemoScenarioThread.start(bundle, started, camel, time);
            }
        }
        core = started;
        registrations.add(bundle.registerService(Transactions.class, started.db, null));
        registrations.add(bundle.registerService(EventLog.class, started.events, null));
        registrations.add(bundle.registerService(EventReader.class, started.eventReader, null));
        registrations.add(bundle.registerService(new String[] {Posts.class.getName(), Members.class.getName(),
            Stores.class.getName(), Brands.class.getName()}, started.platform, null));
        registrations.add(bundle.registerService(Complaints.class, started.complaintMoves, null));
        registrations.add(bundle.registerService(Contributions.class, started.contributions, null));
        registrations.add(bundle.registerService(SchemaMigrator.class, started.migrator, null));
        registrations.add(bundle.registerService(RequestAuthenticator.class, started.accounts, null));
        registrations.add(bundle.registerService(BrandFeatures.class, started.capabilities, null));
        registrations.add(bundle.registerService(ApiEndpoints.class, started.endpoints, null));
        registrations.add(bundle.registerService(Publications.class, started.publications, null));
        registrations.add(bundle.registerService(Mail.class, started.mail, null));
        registrations.add(bundle.registerService(Markdown.class, started.renderer, null));
        registrations.add(bundle.registerService(Pictures.class, started.pictures, null));
        registrations.add(bundle.registerService(Core.class, started, null));
        registrations.add(bundle.registerService(Clock.class, time,
            new Hashtable<>(Map.of(PlatformClock.PROPERTY, "platform"))));
        for (RoutesBuilder routes : started.routes) {
            Hashtable<String, Object> props = new Hashtable<>(Map.of("entraide.routes", routes.getClass().getName()));
            registrations.add(bundle.registerService(RoutesBuilder.class, routes, props));
        }
        LOG.info("Entraide core started on {} ({} route builders)", started.db.dialect(), started.routes.size());
    }

    @Modified
    void modified(CoreConfig config) {
        core.update(settings(config));
        core.updateOps(ops(config));
        core.accountMails.setBaseUrl(config.public_base_url());
        core.exports.setBaseUrl(config.public_base_url());
        LOG.info("Entraide core configuration updated");
    }

    @Deactivate
    void deactivate() {
        if (scenario != null) {
            scenario.interrupt();
            scenario = null;
        }
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework already removed it
            }
        }
        registrations.clear();
        core.disconnect();
        core = null;
    }

    /**
     * The key that seals brands' OpenID Connect client secrets: {@code sso.secret.key} when set (the same on every
     * node), otherwise {@code ${karaf.data}/keys/sso.key}, made on first start.
     */
    static byte[] ssoKey(CoreConfig c) {
        String data = System.getProperty("karaf.data", "data");
        try {
            return org.entraide.core.internal.sso.SecretBox.loadKey(c.sso_secret_key(),
                java.nio.file.Path.of(data, "keys", "sso.key"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read or create the single sign-on key under " + data, e);
        }
    }

    static org.entraide.core.internal.ops.OpsSettings ops(CoreConfig c) {
        return new org.entraide.core.internal.ops.OpsSettings(c.health_max_event_lag(), c.metrics_token());
    }

    static CoreSettings settings(CoreConfig c) {
        Map<String, Integer> limits = new java.util.HashMap<>();
        limits.put("login", c.ratelimit_login());
        limits.put("login.account", c.ratelimit_login_account());
        limits.put("login.address", c.ratelimit_login_address());
        limits.put("register", c.ratelimit_register());
        limits.put("post", c.ratelimit_post());
        limits.put("preview", c.ratelimit_preview());
        limits.put("comment", c.ratelimit_comment());
        limits.put("members", c.ratelimit_members());
        limits.put("account.mail", c.ratelimit_account_mail());
        limits.put("account.address", c.ratelimit_account_address());
        limits.put("password.change", c.ratelimit_password_change());
        limits.put("avatar", c.ratelimit_avatar());
        limits.put("draft", c.ratelimit_draft());
        limits.put("sso", c.ratelimit_sso());
        limits.put("apikey", c.ratelimit_apikey());
        RatePolicy rates = new RatePolicy(Duration.ofMinutes(c.ratelimit_window_minutes()), limits,
            Duration.ofHours(c.ratelimit_login_window_hours()), Duration.ofMillis(c.ratelimit_backoff_base_millis()),
            Duration.ofSeconds(c.ratelimit_backoff_max_seconds()), Duration.ofDays(c.ratelimit_known_address_days()));
        List<String> proxies = java.util.Arrays.stream(c.client_trusted_proxies().split(","))
            .map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new CoreSettings(Duration.ofHours(c.token_lifetime_hours()), c.request_max_bytes(), rates, proxies,
            c.demo_enabled(), Duration.ofMillis(c.events_poll_millis()), c.events_batch(), mail(c));
    }

    static MailSettings mail(CoreConfig c) {
        String dir = c.mail_outbox_dir().strip();
        return new MailSettings(c.mail_smtp_uri(), c.mail_from(), c.mail_max_attempts(),
            Duration.ofMillis(c.mail_retry_base_millis()), Duration.ofMillis(c.mail_poll_millis()),
            dir.isEmpty() ? null : java.nio.file.Path.of(dir), c.mail_smtp_connections());
    }
}
