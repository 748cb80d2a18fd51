package org.entraide.web.internal;

import java.time.Clock;

import org.entraide.core.internal.support.TestServer;
import org.entraide.localmanagers.internal.LocalManagers;
import org.entraide.localmanagers.internal.Rankings;
import org.entraide.localmanagers.internal.Routing;
import org.entraide.moderation.internal.Moderation;

/** The real capability plugins, wired into a test server as their Karaf components wire them. */
final class Plugins {
    private Plugins() {
    }

    static void localManagers(TestServer server) throws Exception {
        LocalManagers plugin = new LocalManagers(server.core.db, server.core.events, server.core.migrator, server.core.endpoints,
            Routing.Settings.defaults(), Rankings.Formula.defaults(), 3_600_000, Clock.systemUTC());
        server.camel().addRoutes(plugin.background);
        server.camel().addRoutes(plugin.api);
        server.core.capabilities.install(plugin.capability);
        server.core.dispatcher.register(plugin.subscriber.descriptor());
    }

    static void moderation(TestServer server) throws Exception {
        Moderation moderation = new Moderation(server.core.db, server.core.events, server.core.publications, server.core.migrator,
            server.core.endpoints, Moderation.ModerationSettings.defaults(), Clock.systemUTC());
        server.camel().addRoutes(moderation.background);
        server.camel().addRoutes(moderation.routes);
        server.core.dispatcher.register(moderation.subscriber.descriptor());
        server.core.capabilities.install(moderation.capability);
        server.core.pipeline.add(moderation.step);
    }
}
