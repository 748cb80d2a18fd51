package org.entraide.badges.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;

/**
 * The real core on Jetty and a real database, with the demo brand, and the badges plugin plugged in as Karaf
 * would: routes in the shared CamelContext, capability, subscriber. Uses the shipped definitions of config/.
 */
public final class Bed implements AutoCloseable {
    static final String DEMO = "/api/v1/brands/demo";
    static final Path SHIPPED = Path.of("../../config/entraide-badges.json");

    public record Member(long id, String token, Caller caller) {
    }

    final TestServer server;
    public final Http http;
    public final Brand demo;
    final String admin;
    public Badges badges;
    private int registered;

    public Bed(DataSource dataSource) throws Exception {
        server = new TestServer(dataSource, CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        demo = server.core.brands.find("demo").orElseThrow();
        admin = member("admin@demo.example").token();
    }

    /** Installs the plugin, as {@code feature:install entraide-badges} does. */
    Bed install(Path definitions) throws Exception {
        badges = new Badges(server.core.db, server.core.events, server.core.migrator, server.core.capabilities,
            server.core.endpoints, new org.entraide.badges.internal.CoreReads(server.core.platform, server.core.platform,
                server.core.platform, server.core.platform, server.core.eventReader), definitions, 100, Clock.systemUTC());
        server.install(badges.services());
        return this;
    }

    public Bed install() throws Exception {
        return install(SHIPPED);
    }

    public Bed enable(boolean on) {
        Http.Response r = http.put(DEMO + "/features", admin, "{\"badges\":" + on + "}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not switch badges: " + r);
        }
        return this;
    }

    Member member(String email) {
        String token = server.core.accounts.login("demo", email, DemoSeeder.PASSWORD).token();
        Caller caller = server.core.accounts.authenticate("Bearer " + token).orElseThrow();
        return new Member(caller.userId(), token, caller);
    }

    public Member register(String pseudonym) {
        String email = pseudonym.toLowerCase() + "-" + (++registered) + "@test.example";
        server.core.accounts.register("demo", email, DemoSeeder.PASSWORD, pseudonym + registered);
        return member(email);
    }

    public long ask(Member m, String title, String topic) {
        return server.core.questions.ask(m.caller(), demo, title, "Le corps de la question, assez long.", topic, List.of()).id();
    }

    /** A question about one of the demo's stores. */
    public long askAbout(Member m, String title, String storeCode) {
        return server.core.questions.ask(m.caller(), demo, title, "Le corps de la question, assez long.", null, storeCode,
            List.of()).id();
    }

    public long answer(Member m, long questionId) {
        return server.core.questions.answer(m.caller(), demo, questionId, "Une réponse utile et détaillée.").id();
    }

    void vote(Member m, long postId, int value) {
        server.core.votes.vote(m.caller(), demo, postId, value);
    }

    void accept(Member asker, long questionId, Long answerId) {
        server.core.questions.accept(asker.caller(), demo, questionId, answerId);
    }

    /** Waits until the badges subscriber has applied every committed event. */
    public void settle() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
            server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM domain_event WHERE seq IS NULL") == 0
                && Sql.count(c, "SELECT COUNT(*) FROM event_subscriber s, event_sequencer q WHERE s.name = ? "
                    + "AND s.position = q.last_seq AND s.attempts = 0", Badges.SUBSCRIBER) == 1));
    }

    long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    /** The keys of the badges the member holds, as the API lists them. */
    List<String> held(Member m) {
        Http.Response r = http.get(DEMO + "/users/" + m.id() + "/badges", null);
        if (r.status() != 200) {
            throw new IllegalStateException("badges of " + m.id() + ": " + r);
        }
        List<String> out = new java.util.ArrayList<>();
        r.json().get("items").forEach(b -> {
            if (!b.has("revokedAt")) {
                out.add(b.get("badge").asText());
            }
        });
        return out;
    }

    /** A second brand with badges enabled, and the token of its admin: ids of one brand must mean nothing in the other. */
    public String otherBrand(String slug) {
        server.core.administration.createBrand(slug, "Other " + slug, "admin@" + slug + ".example", DemoSeeder.PASSWORD,
            "Admin" + slug);
        String token = server.core.accounts.login(slug, "admin@" + slug + ".example", DemoSeeder.PASSWORD).token();
        Http.Response r = http.put("/api/v1/brands/" + slug + "/features", token, "{\"badges\":true}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not enable badges on " + slug + ": " + r);
        }
        return token;
    }

    @Override
    public void close() {
        server.close();
    }
}
