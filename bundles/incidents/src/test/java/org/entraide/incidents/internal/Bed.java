package org.entraide.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;

/**
 * The real core on Jetty and a real database, with the demo brand, and the incidents plugin plugged in as Karaf
 * would: routes in the shared CamelContext, capability, subscriber.
 */
final class Bed implements AutoCloseable {
    static final String DEMO = "/api/v1/brands/demo";

    record Member(long id, String token, Caller caller) {
    }

    final TestServer server;
    final Http http;
    final Brand demo;
    final Member admin;
    Incidents incidents;
    private int registered;

    Bed(DataSource dataSource) throws Exception {
        server = new TestServer(dataSource, CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        demo = server.core.brands.find("demo").orElseThrow();
        admin = member("admin@demo.example");
    }

    /** Installs the plugin and enables it for the demo brand, as {@code feature:install entraide-incidents} and its admin do. */
    Bed install(IncidentsSettings settings, Clock clock) throws Exception {
        var core = server.core;
        incidents = new Incidents(new Incidents.Core(core.db, core.events, core.eventReader, core.migrator, core.endpoints,
            core.platform, core.platform, core.complaintMoves, core.renderer), settings, clock);
        server.install(incidents.services());
        Http.Response r = http.put(DEMO + "/features", admin.token(), "{\"incidents\":true}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not enable incidents: " + r);
        }
        return this;
    }

    Bed install() throws Exception {
        return install(IncidentsSettings.defaults(), Clock.systemUTC());
    }

    Member member(String email) {
        String token = server.core.accounts.login("demo", email, DemoSeeder.PASSWORD).token();
        Caller caller = server.core.accounts.authenticate("Bearer " + token).orElseThrow();
        return new Member(caller.userId(), token, caller);
    }

    Member register(String pseudonym) {
        String email = pseudonym.toLowerCase() + "-" + (++registered) + "@test.example";
        server.core.accounts.register("demo", email, DemoSeeder.PASSWORD, pseudonym + registered);
        return member(email);
    }

    long complain(Member m, String title, String storeCode) {
        return server.core.complaints.file(m.caller(), demo, title, "Le détail de la réclamation, assez long pour passer.",
            storeCode, false).id();
    }

    long ask(Member m, String title) {
        return server.core.questions.ask(m.caller(), demo, title, "Le corps de la question, assez long.", null, List.of()).id();
    }

    long store(String code) {
        return server.core.db.inTransaction(c -> server.core.platform.byCode(c, demo.id(), code)).orElseThrow().id();
    }

    /** Waits until the incidents subscriber has applied every committed event. */
    void settle() {
        server.settle(Incidents.SUBSCRIBER);
    }

    long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    /** A second brand with incidents enabled, and its admin's token. */
    String otherBrand(String slug) {
        server.core.administration.createBrand(slug, "Other " + slug, "admin@" + slug + ".example", DemoSeeder.PASSWORD,
            "Admin" + slug);
        String token = server.core.accounts.login(slug, "admin@" + slug + ".example", DemoSeeder.PASSWORD).token();
        Http.Response r = http.put("/api/v1/brands/" + slug + "/features", token, "{\"incidents\":true}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not enable incidents on " + slug + ": " + r);
        }
        return token;
    }

    @Override
    public void close() {
        server.close();
    }
}
