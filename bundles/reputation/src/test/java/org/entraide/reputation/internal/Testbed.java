package org.entraide.reputation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.RoutesBuilder;
import org.awaitility.Awaitility;
import org.entraide.api.model.Brand;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.reputation.internal.events.ReputationSubscriber;
import org.entraide.reputation.internal.gaming.VoteCounting;

/**
 * The real core on real Jetty and a real database, with the demo brand and its history, and the reputation
 * plugin plugged in as Karaf would: routes in the shared CamelContext, capability, subscriber, steps.
 */
public final class Testbed implements AutoCloseable {
    public static final String DEMO = "/api/v1/brands/demo";

    /** A member of the demo brand: id, bearer token, and the caller the services take. */
    public record Member(long id, String token, Caller caller) {
    }

    public final TestServer server;
    public final Http http;
    public final Brand demo;
    public final String admin;
    public Reputation reputation;
    private int registered;

    public Testbed(DataSource dataSource) throws Exception {
        server = new TestServer(dataSource, CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        demo = server.core.brands.find("demo").orElseThrow();
        admin = member("admin@demo.example").token();
    }

    /**
     * The shipped defaults, except that every vote counts whatever the voter's age and reputation: the tests
     * about scoring use fresh accounts; those about new accounts turn the rule back on.
     */
    public static ReputationSettings settings() {
        return ReputationSettings.defaults().withVoteCounting(new VoteCounting(Duration.ZERO, false));
    }

    /** Installs the plugin, as {@code feature:install entraide-reputation} does. */
    public Testbed install(ReputationSettings settings) throws Exception {
        reputation = new Reputation(new Platform(server.core.db, server.core.events, server.core.migrator,
            server.core.capabilities, server.core.endpoints, server.core.platform, server.core.eventReader), settings, Clock.systemUTC());
        server.install(reputation.services());
        return this;
    }

    /** Turns reputation on for the demo brand, as its admin does. */
    public Testbed enable() {
        Http.Response r = http.put(DEMO + "/features", admin, "{\"reputation\":true}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not enable reputation: " + r);
        }
        return this;
    }

    public Member member(String email) {
        String token = server.core.accounts.login("demo", email, DemoSeeder.PASSWORD).token();
        Caller caller = server.core.accounts.authenticate("Bearer " + token).orElseThrow();
        return new Member(caller.userId(), token, caller);
    }

    public Member register(String pseudonym) {
        String email = pseudonym.toLowerCase() + "-" + (++registered) + "@test.example";
        server.core.accounts.register("demo", email, DemoSeeder.PASSWORD, pseudonym + registered);
        return member(email);
    }

    public long ask(Member m, String title) {
        return ask(m, title, null, List.of());
    }

    public long ask(Member m, String title, String topic, List<String> tags) {
        return server.core.questions.ask(m.caller(), demo, title, "Le corps de la question, assez long.", topic, tags).id();
    }

    public long answer(Member m, long questionId) {
        return server.core.questions.answer(m.caller(), demo, questionId, "Une réponse utile et détaillée.").id();
    }

    public void vote(Member m, long postId, int value) {
        server.core.votes.vote(m.caller(), demo, postId, value);
    }

    public void accept(Member asker, long questionId, Long answerId) {
        server.core.questions.accept(asker.caller(), demo, questionId, answerId);
    }

    /** Waits until the reputation subscriber has applied every committed event. */
    public void settle() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
            server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM domain_event WHERE seq IS NULL") == 0
                && Sql.count(c, "SELECT COUNT(*) FROM event_subscriber s, event_sequencer q WHERE s.name = ? "
                    + "AND s.position = q.last_seq AND s.attempts = 0", ReputationSubscriber.NAME) == 1));
    }

    /** The member's reputation as the API shows it. */
    public int reputation(Member m) {
        Http.Response r = http.get(DEMO + "/users/" + m.id() + "/reputation", null);
        if (r.status() != 200) {
            throw new IllegalStateException("reputation of " + m.id() + ": " + r);
        }
        return r.json().get("reputation").asInt();
    }

    /** Lowers the vote thresholds so that new members may vote in tests about points. */
    public void letEveryoneVote() {
        Http.Response r = http.put(DEMO + "/reputation/privileges", admin, "{\"vote-up\":1,\"vote-down\":1}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not lower thresholds: " + r);
        }
    }

    /** Files a complaint, as the member does from the complaint form. */
    public long complain(Member m, String title) {
        return server.core.complaints.file(m.caller(), demo, title, "Le magasin ne répond pas, voici les détails.", null,
            false).id();
    }

    /**
     * A second brand with reputation enabled, a topic of its own and a member: ids of one brand must mean nothing in
     * the other. Answers the member, with the brand admin's token.
     */
    public Member otherBrand(String slug) {
        var brand = server.core.administration.createBrand(slug, "Other " + slug, "admin@" + slug + ".example",
            DemoSeeder.PASSWORD, "Admin" + slug);
        String token = server.core.accounts.login(slug, "admin@" + slug + ".example", DemoSeeder.PASSWORD).token();
        Caller admin = server.core.accounts.authenticate("Bearer " + token).orElseThrow();
        server.core.administration.createTopic(admin, brand, slug + "-topic", "Topic of " + slug);
        Http.Response r = http.put("/api/v1/brands/" + slug + "/features", token, "{\"reputation\":true}");
        if (r.status() != 200) {
            throw new IllegalStateException("could not enable reputation on " + slug + ": " + r);
        }
        return new Member(admin.userId(), token, admin);
    }

    public long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }


    @Override
    public void close() {
        server.close();
    }
}
