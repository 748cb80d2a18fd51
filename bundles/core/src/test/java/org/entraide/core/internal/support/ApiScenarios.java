package org.entraide.core.internal.support;

import javax.sql.DataSource;

import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP scenarios: one server with the demo brand per test class, over the database a
 * subclass supplies (each scenario class has an H2 and a PostgreSQL subclass). Tests share the
 * server, so each one creates the members, stores, topics and tags it counts on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiScenarios {
    protected DataSource dataSource;
    protected TestServer server;
    protected Http http;
    protected Community community;
    protected Outbox outbox;

    /** A fresh, empty database. */
    protected abstract DataSource database();

    protected CoreSettings settings() {
        return CoreSettings.defaults();
    }

    @BeforeAll
    void startServer() throws Exception {
        dataSource = database();
        server = new TestServer(dataSource, settings());
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        community = new Community(http);
        outbox = new Outbox(server.core.db);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
