package org.entraide.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.camel.CamelContexts;
import org.entraide.core.internal.security.PasswordHasher;

/**
 * The real core, as Karaf runs it minus OSGi: {@link Core} over the given DataSource, its routes in a CamelContext
 * configured by {@link CamelContexts}, the REST API on Jetty on a free loopback port.
 */
public final class CoreServer implements AutoCloseable {
    /**
     * Limits far above what a run can reach: the limiter still runs on every post (its lock is on the measured
     * path) but never answers 429, which would measure the limiter instead of the API.
     */
    private static final int UNLIMITED = Integer.MAX_VALUE;

    public final Core core;
    public final int port;
    private final DefaultCamelContext camel;

    public CoreServer(DataSource dataSource) throws Exception {
        this(dataSource, CoreSettings.defaults());
    }

    /** With other settings (mail, event batch): the rate limits are lifted whatever they say. */
    public CoreServer(DataSource dataSource, CoreSettings base) throws Exception {
        CoreSettings settings = base.withRateLimits(
            Map.of("login", UNLIMITED, "register", UNLIMITED, "post", UNLIMITED, "admin-login", UNLIMITED));
        // Password hashing only runs while seeding (neither measured endpoint logs in): keep it cheap so a run
        // spends its time measuring; production's Argon2id cost is irrelevant to these numbers.
        this.core = new Core(dataSource, settings, (user, password) -> false, new PasswordHasher(64, 1),
            Clock.systemUTC());
        this.port = freePort();
        this.camel = CamelContexts.create("bench", "127.0.0.1", port);
        for (RoutesBuilder routes : core.routes) {
            camel.addRoutes(routes);
        }
        camel.start();
    }

    /** Adds routes of another bundle (the web pages) to the running context. */
    public void addRoutes(RoutesBuilder routes) throws Exception {
        camel.addRoutes(routes);
    }

    /** Connects the core to its context, so that its timers dispatch events and deliver e-mail as in Karaf. */
    public void connect() {
        core.connect(camel);
    }

    @Override
    public void close() {
        core.disconnect();
        camel.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
