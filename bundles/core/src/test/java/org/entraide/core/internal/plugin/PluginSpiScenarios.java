package org.entraide.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.entraide.api.event.DomainEvent;
import org.entraide.api.model.PublicationState;
import org.entraide.api.plugin.Capability;
import org.entraide.api.plugin.StartFrom;
import org.entraide.api.plugin.Submission;
import org.entraide.api.plugin.SubmissionStep;
import org.entraide.api.plugin.SubscriberDescriptor;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.ApiResult;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin SPI through the real API: a capability enabled per brand, a subscriber route fed by the
 * dispatcher, ordered submission steps in the pipeline route, a plugin endpoint behind its capability,
 * and the operators' view of subscribers and dead letters.
 */
abstract class PluginSpiScenarios {
    static final String DEMO = "/api/v1/brands/demo";

    TestServer server;
    Http http;
    String admin;
    String customer;
    final List<DomainEvent> received = new CopyOnWriteArrayList<>();

    abstract DataSource dataSource();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), org.entraide.core.internal.CoreSettings.defaults()
            .withEventPoll(Duration.ofMillis(20)));
        new DemoSeeder(server.core).seedIfAbsent();
        http = new Http(server.base());
        admin = login("admin@demo.example");
        customer = login("customer@demo.example");
        server.core.capabilities.install(capability("audit"));
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:audit.events").routeId("audit.events").process(e -> {
                    DomainEvent ev = e.getIn().getBody(DomainEvent.class);
                    if (ev.payload().contains("poison")) {
                        throw new IllegalStateException("cannot digest " + ev.id());
                    }
                    received.add(ev);
                });
                rest("/api/v1").get("/brands/{brand}/audit").to("direct:audit.list");
                from("direct:audit.list").routeId("audit.list").process(server.core.endpoints.processor("audit",
                    call -> ApiResult.ok(java.util.Map.of("events", received.size())), "brand"));
            }
        });
        server.core.dispatcher.register(new SubscriberDescriptor("audit", "audit", "direct:audit.events", StartFrom.NOW,
            Set.of("post.published"), 2));
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    void dropDatabase() {
    }

    String login(String email) {
        return http.post("/api/v1/auth/login", null, "{\"brand\":\"demo\",\"email\":\"" + email
            + "\",\"password\":\"entraide-demo\"}").json().get("token").asText();
    }

    static Capability capability(String name) {
        return new Capability() {
            public String name() {
                return name;
            }

            public String description() {
                return "test capability " + name;
            }
        };
    }

    Http.Response ask(String title) {
        return http.post(DEMO + "/questions", customer, "{\"title\":\"" + title + "\",\"body\":\"corps du message\"}");
    }

    @Test
    void aDisabledCapabilityDoesNothingAndItsEndpointsAnswer404() {
        assertEquals(404, http.get(DEMO + "/audit", admin).status(), "disabled by default");
        ask("Question sans audit");
        assertEquals(List.of(), received, "no event for a brand that did not enable the capability");

        Http.Response features = http.get(DEMO + "/features", null);
        assertEquals("audit", features.json().get("items").get(0).get("name").asText());
        assertEquals(false, features.json().get("items").get(0).get("enabled").asBoolean());
        assertEquals(403, http.put(DEMO + "/features", customer, "{\"audit\":true}").status(), "brand admins only");
        assertEquals(400, http.put(DEMO + "/features", admin, "{\"nothing\":true}").status(), "unknown capability");
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"audit\":true}").status());

        Http.Response q = ask("Question avec audit");
        long id = q.json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> e.subjectId() == id));
        assertEquals(200, http.get(DEMO + "/audit", admin).status());
    }

    @Test
    void failingEventsAreRetriedParkedAndReplayedByOperators() {
        http.put(DEMO + "/features", admin, "{\"audit\":true}");
        Http.Response poison = http.post(DEMO + "/questions", customer,
            "{\"title\":\"Question empoisonnée\",\"body\":\"corps\",\"tags\":[\"poison\"]}");
        long id = poison.json().get("id").asLong();
        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            http.get("/api/v1/admin/events/dead-letters", root).json().get("items").size() == 1);
        Http.Response subs = http.get("/api/v1/admin/events/subscribers", root);
        assertEquals(200, subs.status());
        assertTrue(subs.json().get("items").toString().contains("\"name\":\"audit\""), subs.toString());
        assertEquals(401, http.get("/api/v1/admin/events/subscribers", admin).status(), "operators only");

        Http.Response after = ask("Question suivante");
        long next = after.json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> e.subjectId() == next));
        assertTrue(received.stream().noneMatch(e -> e.subjectId() == id), "the parked event had no effect");
        long dl = http.get("/api/v1/admin/events/dead-letters", root).json().get("items").get(0).get("id").asLong();
        assertEquals(409, http.post("/api/v1/admin/events/dead-letters/" + dl + "/replay", root, "{}").status(),
            "still failing: stays parked");
    }

    @Test
    void stepsRunInOrderOnlyForBrandsThatEnabledThem() {
        List<String> order = new CopyOnWriteArrayList<>();
        server.core.pipeline.add(step("audit", 200, s -> {
            order.add("hold");
            return s.title() != null && s.title().contains("douteux") ? s.withState(PublicationState.PENDING_REVIEW, "held") : s;
        }));
        server.core.pipeline.add(step("audit", 100, s -> {
            order.add("privilege");
            if (s.kind() == Submission.Kind.VOTE && s.value() < 0) {
                throw ProblemException.forbidden("voting down needs 125 reputation");
            }
            return s;
        }));
        assertEquals(201, ask("Un titre douteux").status());
        assertEquals(List.of(), order, "no step runs while the capability is disabled");

        http.put(DEMO + "/features", admin, "{\"audit\":true}");
        Http.Response held = ask("Un autre titre douteux");
        assertEquals("PENDING_REVIEW", held.json().get("publication").asText());
        assertEquals(List.of("privilege", "hold"), order, "steps run in ascending order");
        assertEquals(404, http.get(DEMO + "/questions/" + held.json().get("id").asLong(), null).status(),
            "a held post is not public");
        long published = ask("Une question normale").json().get("id").asLong();
        String lucas = login("lucas@demo.example");
        assertEquals(403, http.post(DEMO + "/posts/" + published + "/votes", lucas, "{\"value\":-1}").status());
        assertEquals(200, http.post(DEMO + "/posts/" + published + "/votes", lucas, "{\"value\":1}").status());
    }

    static SubmissionStep step(String capability, int order, java.util.function.UnaryOperator<Submission> f) {
        return new SubmissionStep() {
            public String capability() {
                return capability;
            }

            public int order() {
                return order;
            }

            public Submission apply(Submission s) {
                return f.apply(s);
            }
        };
    }
}
