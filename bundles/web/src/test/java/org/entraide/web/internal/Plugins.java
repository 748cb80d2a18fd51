package org.entraide.web.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.RoutesBuilder;
import org.entraide.api.badges.Expertise;
import org.entraide.api.moderation.PrivateMessageRules;
import org.entraide.api.reputation.ReputationLookup;
import org.entraide.badges.internal.Badges;
import org.entraide.reputation.internal.Platform;
import org.entraide.reputation.internal.Reputation;
import org.entraide.reputation.internal.ReputationSettings;
import org.entraide.reputation.internal.gaming.VoteCounting;
import org.entraide.webhooks.internal.InternalTargets;
import org.entraide.webhooks.internal.WebhookCapability;
import org.entraide.webhooks.internal.WebhookPlugin;
import org.entraide.webhooks.internal.WebhookSettings;

import org.entraide.core.internal.support.TestServer;
import org.entraide.localmanagers.internal.LocalManagers;
import org.entraide.localmanagers.internal.Rankings;
import org.entraide.localmanagers.internal.Routing;
import org.entraide.moderation.internal.Moderation;

/** The real capability plugins, wired into a test server as their Karaf components wire them. */
final class Plugins {
    private Plugins() {
    }

    static LocalManagers localManagers(TestServer server) throws Exception {
        LocalManagers plugin = LocalManagers.start(new LocalManagers.CoreServices(server.core.db, server.core.events,
            server.core.migrator, server.core.endpoints, new org.entraide.localmanagers.internal.Platform(server.core.platform,
                server.core.platform, server.core.platform, server.core.platform, server.core.complaintMoves, server.core.eventReader), server.core.mail,
            server.core.capabilities), Routing.Settings.defaults(), Rankings.Formula.defaults(), 3_600_000, Clock.systemUTC());
        server.bindWhenInstalled(PrivateMessageRules.class, plugin::useMessageRules);
        server.install(plugin.services());
        return plugin;
    }

    static void moderation(TestServer server) throws Exception {
        Moderation moderation = Moderation.start(new Moderation.CoreServices(server.core.db, server.core.events,
            server.core.publications, org.entraide.moderation.internal.Platform.of(server.core.platform), server.core.migrator,
            server.core.endpoints, server.core.capabilities), Moderation.ModerationSettings.defaults(), Clock.systemUTC());
        server.bindWhenInstalled(Expertise.class, moderation::useExpertise);
        server.bindWhenInstalled(ReputationLookup.class, moderation::useReputation);
        server.bindWhenInstalled(org.entraide.api.localmanagers.PrivateMessages.class, moderation::usePrivateMessages);
        server.install(moderation.services());
    }

    /** Every vote counts, whatever the voter's age: the pages' tests use fresh accounts. */
    static void reputation(TestServer server) throws Exception {
        Reputation reputation = new Reputation(new Platform(server.core.db, server.core.events, server.core.migrator,
            server.core.capabilities, server.core.endpoints, server.core.platform, server.core.eventReader),
            ReputationSettings.defaults().withVoteCounting(new VoteCounting(Duration.ZERO, false)), Clock.systemUTC());
        server.install(reputation.services());
    }

    /** With the shipped badge definitions of config/. */
    static void badges(TestServer server) throws Exception {
        Badges badges = new Badges(server.core.db, server.core.events, server.core.migrator, server.core.capabilities,
            server.core.endpoints, new org.entraide.badges.internal.CoreReads(server.core.platform, server.core.platform,
                server.core.platform, server.core.platform, server.core.eventReader), Path.of("../../config/entraide-badges.json"), 100, Clock.systemUTC());
        server.install(badges.services());
    }

    /** E-mails through the core's mail service (its .eml outbox in tests), links on the test server's address. */
    static void notifications(TestServer server) throws Exception {
        var p = server.core.platform;
        org.entraide.notifications.internal.NotificationsPlugin plugin = new org.entraide.notifications.internal.NotificationsPlugin(
            server.core.db, server.core.migrator, server.core.endpoints, server.core.capabilities,
            new org.entraide.notifications.internal.Platform(p, p, p, p, server.core.eventReader, server.core.contributions),
            server.core.mail,
            new org.entraide.notifications.internal.NotificationSettings(server.base(), null, Duration.ofMinutes(10), "fr",
                Duration.ofSeconds(1)), Clock.systemUTC());
        server.core.capabilities.install(new org.entraide.notifications.internal.NotificationCapability());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        server.core.personalData.add(plugin);
    }

    /** The running plugin, whose detection a test may run at once. */
    static org.entraide.incidents.internal.Incidents incidents(TestServer server) throws Exception {
        var core = server.core;
        var incidents = new org.entraide.incidents.internal.Incidents(new org.entraide.incidents.internal.Incidents.Core(core.db,
            core.events, core.eventReader, core.migrator, core.endpoints, core.platform, core.platform, core.complaintMoves,
            core.renderer), org.entraide.incidents.internal.IncidentsSettings.defaults(), Clock.systemUTC());
        server.install(incidents.services());
        return incidents;
    }

    /** Addresses on loopback allowed, as in the plugin's own tests: nothing is delivered in the pages' tests. */
    static void webhooks(TestServer server) throws Exception {
        WebhookPlugin plugin = new WebhookPlugin(server.core.db, server.core.migrator, server.core.endpoints,
            new WebhookSettings(Duration.ofMillis(50), Duration.ofSeconds(2), 4, Duration.ofMillis(100), true, InternalTargets.parse("127.0.0.1/32")),
            Clock.systemUTC());
        server.core.capabilities.install(new WebhookCapability());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        server.core.personalData.add(plugin);
    }

    /** The knowledge base, with the configured defaults (25 points a promotion, review in 180 days). */
    static void knowledge(TestServer server) throws Exception {
        var p = server.core.platform;
        server.install(org.entraide.knowledge.internal.Knowledge.start(new org.entraide.knowledge.internal.Platform(
            server.core.db, server.core.events, p, p, p, p, server.core.renderer), server.core.migrator, server.core.endpoints,
            new org.entraide.knowledge.internal.Knowledge.Settings(25, 180, 3_600_000), Clock.systemUTC()).services());
    }

    /** QR codes on the public address pages are built on in tests. */
    static void channels(TestServer server) throws Exception {
        var p = server.core.platform;
        org.entraide.channels.internal.ChannelsPlugin plugin = new org.entraide.channels.internal.ChannelsPlugin(
            new org.entraide.channels.internal.CoreServices(server.core.db, server.core.migrator, server.core.endpoints, p, p, p, p,
                server.core.events, server.core.contributions, server.core.mail, server.core.capabilities, server.core.pictures),
            org.entraide.channels.internal.ChannelSettings.defaults("http://localhost:8181"), Clock.systemUTC());
        server.install(java.util.List.of(new org.entraide.channels.internal.ChannelsCapability(), plugin));
    }
}
