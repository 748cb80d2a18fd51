package org.entraide.search.internal;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

import org.entraide.core.internal.support.TestServer;

/** The search plugin wired into a web test server as its Karaf component wires it, on a fresh index folder. */
public final class SearchPluginForTests {
    private SearchPluginForTests() {
    }

    public static SearchPlugin install(TestServer server) throws Exception {
        var p = server.core.platform;
        SearchPlugin plugin = new SearchPlugin(server.core.db, server.core.migrator, server.core.endpoints, p, p, p,
            server.core.eventReader, Files.createTempDirectory("entraide-search-web"), Duration.ofMillis(20),
            Duration.ofSeconds(1), Clock.systemUTC());
        plugin.awaitRebuild();
        server.install(plugin.services(new SearchCapability()));
        return plugin;
    }
}
