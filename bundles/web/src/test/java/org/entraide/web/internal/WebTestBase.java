package org.entraide.web.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The real core with the demo brand and the pages' routes, on a fresh H2 or PostgreSQL database per test. */
abstract class WebTestBase {
    enum Db { H2, POSTGRES }

    private final Db db;
    DataSource ds;
    TestServer server;
    Http http;
    Community community;
    WebRoutes routes;

    WebTestBase(Db db) {
        this.db = db;
    }

    @BeforeEach
    void start() throws Exception {
        ds = db == Db.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        server = new TestServer(ds);
        new DemoSeeder(server.core).seedIfAbsent();
        routes = new WebRoutes();
        server.camel().addRoutes(routes);
        http = new Http(server.base());
        community = new Community(http);
    }

    @AfterEach
    void stop() {
        server.close();
        if (db == Db.POSTGRES) {
            TestDatabases.dropPostgres(ds);
        }
    }
}
