package org.entraide.core.internal.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.core.internal.Core;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.PluginWhiteboard;
import org.entraide.core.internal.camel.CamelContexts;
import org.entraide.core.internal.security.PasswordHasher;

/**
 * The core's REST API on real Jetty, on a free port, over a real database: what Karaf runs, minus OSGi.
 * Password hashing is made cheap so tests stay fast; the instance admin is "root"/"root-password".
 */
public final class TestServer implements AutoCloseable {
    public static final String ROOT_USER = "root";
    public static final String ROOT_PASSWORD = "root-password";

    /** Running servers by base URL, so that a {@link Community} made from an {@link Http} alone finds their mail. */
    private static final java.util.Map<String, TestServer> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    public final Core core;
    public final int port;
    private final DefaultCamelContext camel;
    private final PluginWhiteboard board;
    private final List<Object> installed = new CopyOnWriteArrayList<>();
    private final List<Binder<?>> binders = new CopyOnWriteArrayList<>();

    public TestServer(DataSource dataSource, CoreSettings settings) throws Exception {
        this.core = new Core(dataSource, settings, (u, p) -> ROOT_USER.equals(u) && ROOT_PASSWORD.equals(p),
            new PasswordHasher(64, 1), Clock.systemUTC());
        this.port = freePort();
        this.camel = CamelContexts.create("test", "127.0.0.1", port);
        for (RoutesBuilder r : core.routes) {
            camel.addRoutes(r);
        }
        camel.start();
        core.connect(camel);
        this.board = PluginWhiteboard.on(core);
        RUNNING.put(base(), this);
    }

    /** The server running at that base URL in this JVM, if any. */
    public static Optional<TestServer> at(String base) {
        return Optional.ofNullable(RUNNING.get(base));
    }

    /** The e-mail this server queued, as its recipients would read it. */
    public Mailbox mailbox() {
        return new Mailbox(core.db);
    }

    /** Waits until the subscriber of that name has applied every committed event, without a failed attempt. */
    public void settle(String subscriber) {
        org.awaitility.Awaitility.await(subscriber + " catches up").atMost(java.time.Duration.ofSeconds(20))
            .pollInterval(java.time.Duration.ofMillis(20)).until(() -> core.db.inTransaction(c ->
                org.entraide.jdbc.Sql.count(c, "SELECT COUNT(*) FROM domain_event WHERE seq IS NULL") == 0
                && org.entraide.jdbc.Sql.count(c, "SELECT COUNT(*) FROM event_subscriber s, event_sequencer q WHERE s.name = ? "
                    + "AND s.position = q.last_seq AND s.attempts = 0", subscriber) == 1));
    }

    /**
     * Installs a plugin's services as Karaf does when its components register them: routes into the CamelContext
     * first, then each service bound in every role it plays by the core's own {@link PluginWhiteboard}. Give them in
     * the order the plugin lists them ({@code services()}).
     */
    public void install(List<?> services) throws Exception {
        for (Object s : services) {
            if (s instanceof RoutesBuilder r) {
                camel.addRoutes(r);
            }
        }
        for (Object s : services) {
            board.bindAll(s);
            installed.add(s);
            for (Binder<?> b : binders) {
                b.offer(s);
            }
        }
    }

    /**
     * Gives the plugin a service of that type whenever one is installed, before or after it, as Declarative Services
     * binds an optional dynamic reference (moderation takes badges' expertise that way in Karaf).
     */
    public <T> void bindWhenInstalled(Class<T> type, java.util.function.Consumer<T> binder) {
        Binder<T> b = new Binder<>(type, binder);
        binders.add(b);
        installed.forEach(b::offer);
    }

    private record Binder<T>(Class<T> type, java.util.function.Consumer<T> binder) {
        void offer(Object service) {
            if (type.isInstance(service)) {
                binder.accept(type.cast(service));
            }
        }
    }

    /** A service an installed plugin provides, for a plugin that takes it as an optional reference in Karaf. */
    public <T> Optional<T> service(Class<T> type) {
        return installed.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public TestServer(DataSource dataSource) throws Exception {
        this(dataSource, CoreSettings.defaults());
    }

    /** The running CamelContext, for tests that compare what is registered with what is described. */
    public CamelContext camel() {
        return camel;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        RUNNING.remove(base());
        core.disconnect();
        camel.stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
