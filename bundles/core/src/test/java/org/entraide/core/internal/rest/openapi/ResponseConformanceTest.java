package org.entraide.core.internal.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives every operation of the API on the demo brand and checks each answer, successes and problems alike, against
 * the description: documented status, media type and headers, and exactly the documented properties.
 */
class ResponseConformanceTest {
    private static final String B = "/api/v1/brands/{brand}";
    private static TestServer server;
    private static Described api;
    private static Conformance c;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(TestDatabases.h2());
        new DemoSeeder(server.core).seedIfAbsent();
        // A capability, and a subscriber that fails once (parking the event at once) and then succeeds, so that
        // the operators' endpoints have something to show and a replay to perform.
        server.core.capabilities.install(new org.entraide.api.plugin.Capability() {
            public String name() {
                return "audit";
            }

            public String description() {
                return "conformance test capability";
            }
        });
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        server.camel().addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:conformance.audit").routeId("conformance.audit").process(e -> {
                    if (failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("first delivery fails");
                    }
                });
            }
        });
        server.core.dispatcher.register(new org.entraide.api.plugin.SubscriberDescriptor("conformance", null,
            "direct:conformance.audit", org.entraide.api.plugin.StartFrom.NOW, java.util.Set.of("post.published"), 1));
        api = OpenApiServedTest.described(server);
        c = new Conformance(new Http(server.base()), api);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] png() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyOperationAnswersAsDescribed() {
        c.call("GET", "/api/v1/health", null, null);
        c.call("GET", "/api/v1/openapi.json", null, null);
        c.call("GET", B, null, null, "demo");
        c.call("GET", B + "/stores?q=lyon&page=1&size=2", null, null, "demo");
        c.call("GET", B + "/topics", null, null, "demo");
        c.call("GET", B + "/questions?topic=bricolage&tag=perceuse&status=accepted&q=perceuse&sort=score&page=1&size=5",
            null, null, "demo");
        c.call("GET", B + "/complaints?store=LYON-PARTDIEU&status=RESOLVED&page=1&size=5", null, null, "demo");
        // a page after a cursor: no page number nor total, as described
        String next = c.call("GET", B + "/questions?size=1", null, null, "demo").json().get("next").asText();
        c.call("GET", B + "/questions?size=1&after=" + next, null, null, "demo");
        c.call("GET", B + "/questions?size=1&after=" + next + "x", null, null, "demo");

        c.call("POST", "/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"ada@demo.example\","
            + "\"password\":\"ada-password\",\"pseudonym\":\"Ada\"}");
        new org.entraide.core.internal.support.Community(new Http(server.base())).verify(server, "demo", "ada@demo.example");
        String ada = token("ada@demo.example", "ada-password");
        c.call("GET", B + "/me", ada, null, "demo");
        c.call("PATCH", B + "/me", ada, "{\"bio\":\"Woodworker.\",\"timeZone\":\"Europe/Paris\",\"locale\":\"en\"}", "demo");
        c.call("PATCH", B + "/me", ada, "{\"timeZone\":\"Mars/Olympus\"}", "demo");
        c.call("GET", B + "/me/sessions", ada, null, "demo");
        c.call("PUT", B + "/me/drafts/{key}", ada, "{\"title\":\"Half\",\"body\":\"a draft\",\"fields\":{\"topic\":\"bricolage\"}}",
            "demo", "question");
        c.call("GET", B + "/me/drafts", ada, null, "demo");
        c.call("GET", B + "/me/drafts/{key}", ada, null, "demo", "question");
        c.call("DELETE", B + "/me/drafts/{key}", ada, null, "demo", "question");
        c.upload(B + "/me/avatar", ada, "image/png", png(), "demo");
        long adaAccount = c.call("GET", B + "/me", ada, null, "demo").json().get("id").asLong();
        c.call("GET", B + "/users/{id}/avatar", null, null, "demo", adaAccount);
        c.call("DELETE", B + "/me/avatar", ada, null, "demo");
        c.call("POST", B + "/password-reset", null, "{\"email\":\"nobody@demo.example\"}", "demo");
        c.call("POST", B + "/password-reset/{token}", null, "{\"password\":\"a-new-long-password\"}", "demo", "x".repeat(43));
        c.call("POST", B + "/me/email-verification", ada, null, "demo");
        String camille = token("customer@demo.example", DemoSeeder.PASSWORD);
        String manager = token("manager@demo.example", DemoSeeder.PASSWORD);
        String admin = token("admin@demo.example", DemoSeeder.PASSWORD);

        long question = c.call("POST", B + "/questions", ada, "{\"title\":\"Which saw for oak?\",\"body\":\"A **hard** wood.\","
            + "\"topic\":\"bricolage\",\"tags\":[\"scie\",\"chene\"]}", "demo").json().get("id").asLong();
        long answer = c.call("POST", B + "/questions/{id}/answers", camille, "{\"body\":\"A Japanese saw.\"}",
            "demo", question).json().get("id").asLong();
        c.call("POST", B + "/posts/{id}/votes", ada, "{\"value\":1}", "demo", answer);
        c.call("POST", B + "/previews", ada, "{\"body\":\"A **bold** idea.\"}", "demo");
        c.call("GET", B + "/users/{id}", null, null, "demo", c.call("GET", B + "/questions/{id}", null, null, "demo", question)
            .json().get("author").get("id").asLong());
        c.call("POST", B + "/questions/{id}/accept", ada, "{\"answerId\":" + answer + "}", "demo", question);
        c.call("PUT", B + "/posts/{id}/staff-note", admin, "{\"body\":\"Our **official** advice differs.\"}", "demo", answer);
        c.call("GET", B + "/questions/{id}", ada, null, "demo", question);
        c.call("GET", B + "/questions/{id}", null, null, "demo", question);
        c.call("PUT", B + "/posts/{id}", ada, "{\"title\":\"Which saw for oak planks?\",\"body\":\"A **hard** wood.\"}",
            "demo", question);
        c.call("GET", B + "/posts/{id}/revisions", null, null, "demo", question);
        long extra = c.call("POST", B + "/questions/{id}/answers", camille, "{\"body\":\"Or a band saw.\"}",
            "demo", question).json().get("id").asLong();
        c.call("DELETE", B + "/posts/{id}", camille, null, "demo", extra);
        long comment = c.call("POST", B + "/posts/{id}/comments", ada, "{\"body\":\"Thanks @Camille, *really*.\"}",
            "demo", answer).json().get("id").asLong();
        c.call("GET", B + "/posts/{id}/comments?page=1&size=5", null, null, "demo", answer);
        c.call("PUT", B + "/comments/{id}", ada, "{\"body\":\"Thanks, **really**.\"}", "demo", comment);
        c.call("PUT", B + "/comments/{id}/publication", admin, "{\"publication\":\"HIDDEN\"}", "demo", comment);
        c.call("DELETE", B + "/comments/{id}", ada, null, "demo", c.call("POST", B + "/posts/{id}/comments", ada,
            "{\"body\":\"A second thought.\"}", "demo", question).json().get("id").asLong());
        c.call("GET", B + "/members?prefix=ca", ada, null, "demo");
        c.call("GET", B + "/comments?publication=HIDDEN&page=1&size=5", admin, null, "demo");

        long complaint = c.call("POST", B + "/complaints", ada, "{\"title\":\"Broken saw at delivery\",\"body\":\"Bent blade.\","
            + "\"storeCode\":\"LYON-PARTDIEU\",\"showPseudonym\":true}", "demo").json().get("id").asLong();
        c.call("POST", B + "/complaints/{id}/responses", manager, "{\"body\":\"A new one awaits you.\"}", "demo", complaint);
        c.call("POST", B + "/complaints/{id}/resolution", ada,
            "{\"resolved\":true,\"rating\":9,\"wouldBuyAgain\":true}", "demo", complaint);
        c.call("GET", B + "/complaints/{id}", null, null, "demo", complaint);
        c.call("GET", B + "/complaints?city=lyon&since=2000-01-01&until=2999-12-31", null, null, "demo");
        c.call("GET", B + "/contributors?topic=bricolage&tag=scie", null, null, "demo");
        c.call("GET", B + "/me/posts?type=complaint&page=1&size=5", ada, null, "demo");
        c.call("GET", B + "/me/posts?type=answer", camille, null, "demo");
        c.call("GET", B + "/sitemap", null, null, "demo");
        c.call("GET", B + "/sitemap/{kind}?page=1&size=10", null, null, "demo", "store");
        c.call("GET", B + "/sitemap/{kind}", null, null, "demo", "question");
        long again = c.call("POST", B + "/questions", ada, "{\"title\":\"Which saw for oak boards?\",\"body\":\"Hard wood.\"}",
            "demo").json().get("id").asLong();
        c.call("PUT", B + "/questions/{id}/duplicate", admin, "{\"originalId\":" + question + "}", "demo", again);
        c.call("GET", B + "/questions/{id}/duplicate", null, null, "demo", again);
        c.call("GET", B + "/questions/{id}/duplicate", null, null, "demo", question);
        c.call("POST", B + "/complaints/{id}/reopening", ada, null, "demo", complaint);

        c.call("POST", B + "/stores", admin, "{\"code\":\"NANTES\",\"name\":\"Nantes\",\"city\":\"Nantes\","
            + "\"postalCode\":\"44000\"}", "demo");
        c.call("PUT", B + "/stores/{code}", admin, "{\"code\":\"NANTES\",\"name\":\"Nantes Atout Sud\",\"city\":\"Rezé\","
            + "\"postalCode\":\"44400\",\"latitude\":47.18,\"longitude\":-1.55}", "demo", "NANTES");
        long keyId = c.call("POST", B + "/api-keys", admin, "{\"name\":\"CRM\",\"scopes\":[\"complaints:read\","
            + "\"complaints:respond\"],\"expiresAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(30)) + "\"}", "demo").json().get("id").asLong();
        c.call("GET", B + "/api-keys", admin, null, "demo");
        c.call("GET", B + "/api-keys/{id}/actions", admin, null, "demo", keyId);
        c.call("DELETE", B + "/api-keys/{id}", admin, null, "demo", keyId);
        c.call("DELETE", B + "/posts/{id}/staff-note", admin, null, "demo", answer);
        c.call("GET", B + "/content-policy", admin, null, "demo");
        c.call("PUT", B + "/content-policy", admin, "{\"editWindowMinutes\":null}", "demo");
        c.call("POST", B + "/topics", admin, "{\"slug\":\"outillage\",\"name\":\"Outillage\"}", "demo");
        long adaId = c.call("GET", B + "/me", ada, null, "demo").json().get("id").asLong();
        c.call("GET", B + "/members/{id}", admin, null, "demo", adaId);
        c.call("PUT", B + "/members/{id}/roles", admin, "{\"roles\":[\"STORE_MANAGER\"],\"storeCodes\":[\"NANTES\"]}",
            "demo", adaId);

        long demoId = server.core.brands.find("demo").orElseThrow().id();
        server.core.db.inTransaction(tx -> server.core.mail.queue(tx, new org.entraide.api.mail.OutgoingMail(demoId,
            "conformance-1", "ada@demo.example", "Bienvenue", "Bonjour", "<p>Bonjour</p>",
            java.util.Map.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))));
        long mailId = c.call("GET", B + "/mail/outbox?page=1&size=5", admin, null, "demo").json().get("items").get(0)
            .get("id").asLong();
        c.call("GET", B + "/mail/outbox/{id}", admin, null, "demo", mailId);

        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        c.call("POST", "/api/v1/admin/brands", root, "{\"slug\":\"acme\",\"name\":\"Acme\",\"adminEmail\":\"boss@acme.example\","
            + "\"adminPassword\":\"acme-password\",\"adminPseudonym\":\"Boss\"}");
        c.call("GET", "/api/v1/admin/brands", root, null);
        c.call("GET", B + "/features", null, null, "demo");
        c.call("PUT", B + "/features", admin, "{\"audit\":true}", "demo");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
            server.core.deadLetters.pending("conformance").size() == 1);
        c.call("GET", "/api/v1/admin/events/subscribers", root, null);
        long parked = c.call("GET", "/api/v1/admin/events/dead-letters?subscriber=conformance", root, null)
            .json().get("items").get(0).get("id").asLong();
        c.call("POST", "/api/v1/admin/events/dead-letters/{id}/replay", root, null, parked);
        accountOperations(admin);
        singleSignOn(admin);
        c.call("POST", "/api/v1/auth/logout", ada, null);
        c.call("GET", "/health/live", null, null);
        c.call("GET", "/health/ready", null, null);
        c.call("GET", "/metrics", root, null);
        instanceConsole(root);

        Set<String> succeeded = new TreeSet<>();
        c.seen.stream().filter(s -> s.matches(".* [23]\\d\\d")).forEach(succeeded::add);
        assertEquals(successes(), succeeded, "every operation was called and answered its documented success");
    }

    /** Single sign-on: configured against a provider running in the test, then a sign-in and a replayed one. */
    private static void singleSignOn(String admin) {
        try (org.entraide.core.internal.support.OidcTestProvider provider = new org.entraide.core.internal.support.OidcTestProvider()) {
            c.call("PUT", B + "/sso", admin, "{\"enabled\":true,\"issuer\":\"" + provider.issuer() + "\",\"clientId\":\""
                + org.entraide.core.internal.support.OidcTestProvider.CLIENT_ID + "\",\"clientSecret\":\""
                + org.entraide.core.internal.support.OidcTestProvider.CLIENT_SECRET + "\",\"passwordLoginEnabled\":true,"
                + "\"buttonLabel\":\"Demo ID\"}", "demo");
            c.call("PUT", B + "/sso", admin, "{\"enabled\":true,\"issuer\":\"http://127.0.0.1:1\",\"clientId\":\"x\","
                + "\"passwordLoginEnabled\":true,\"buttonLabel\":\"Demo ID\"}", "demo");
            c.call("GET", B + "/sso", admin, null, "demo");
            c.call("GET", B + "/sso/options", null, null, "demo");
            String url = c.call("POST", B + "/sso/start", null, null, "demo").json().get("authorizationUrl").asText();
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            java.util.Map<String, String> back = org.entraide.core.internal.support.OidcTestProvider.query(
                page.headers().firstValue("Location").orElseThrow());
            String callback = "{\"state\":\"" + back.get("state") + "\",\"code\":\"" + back.get("code") + "\"}";
            c.call("POST", B + "/sso/callback", null, callback, "demo");
            c.call("POST", B + "/sso/callback", null, callback, "demo");
            c.call("PUT", B + "/sso", admin, "{\"enabled\":false,\"passwordLoginEnabled\":true}", "demo");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instance console, over a fake feature installer: a session, the list, the three jobs, sign-out. */
    private static void instanceConsole(String root) {
        org.entraide.core.internal.instance.FakeInstaller installer = new org.entraide.core.internal.instance.FakeInstaller()
            .offer("entraide-badges", "Entraide :: expert badges", "0.1.0")
            .offer("entraide-reputation", "Entraide :: reputation", "0.1.0", "0.2.0")
            .installed("entraide-reputation", "0.1.0");
        server.core.useInstaller(() -> installer);
        String console = c.call("POST", "/api/v1/instance/sessions", root, null).json().get("token").asText();
        c.call("GET", "/api/v1/instance/capabilities", console, null);
        long job = c.call("POST", "/api/v1/instance/capabilities/{name}/install", console, "{}", "entraide-badges")
            .json().get("id").asLong();
        c.call("POST", "/api/v1/instance/capabilities/{name}/install", console, "{}", "entraide-nothing");
        c.call("POST", "/api/v1/instance/capabilities/{name}/upgrade", console, "{\"version\":\"0.2.0\"}",
            "entraide-reputation");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
            .until(() -> installer.isInstalled("entraide-badges", "0.1.0") && installer.isInstalled("entraide-reputation", "0.2.0"));
        c.call("GET", "/api/v1/instance/jobs/{id}", console, null, job);
        c.call("POST", "/api/v1/instance/capabilities/{name}/uninstall", console, null, "entraide-badges");
        c.call("POST", "/api/v1/instance/capabilities/{name}/uninstall", console, null, "entraide-badges");
        c.call("GET", "/api/v1/instance/jobs", console, null);
        c.call("DELETE", "/api/v1/instance/sessions/current", console, null);
        c.call("GET", "/api/v1/instance/capabilities", console, null);
    }

    /** A newcomer's account life: verification, reset, password change, profile and sessions. */
    private static void accountOperations(String admin) {
        org.entraide.core.internal.support.Mailbox mailbox = server.mailbox();
        c.call("POST", "/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"bob@demo.example\","
            + "\"password\":\"bob-password-1\",\"pseudonym\":\"Bob\",\"locale\":\"en\"}");
        String bob = token("bob@demo.example", "bob-password-1");
        c.call("POST", B + "/me/email-verification", bob, null, "demo");
        c.call("POST", B + "/email-verification/{token}", null, null, "demo",
            mailbox.lastToken("bob@demo.example", "account-verify-", "verify-email"));
        c.call("POST", B + "/password-reset", null, "{\"email\":\"bob@demo.example\"}", "demo");
        c.call("POST", B + "/password-reset/{token}", null, "{\"password\":\"bob-password-2\"}", "demo",
            mailbox.lastToken("bob@demo.example", "account-reset-", "reset-password"));
        bob = token("bob@demo.example", "bob-password-2");
        token("bob@demo.example", "bob-password-2");
        c.call("PUT", B + "/me/password", bob, "{\"currentPassword\":\"bob-password-2\",\"password\":\"bob-password-3\"}",
            "demo");
        token("bob@demo.example", "bob-password-3");
        c.call("PATCH", B + "/me", bob, "{\"pseudonym\":\"Bobby\",\"bio\":\"Carpenter.\"}", "demo");
        String id = null;
        for (JsonNode session : c.call("GET", B + "/me/sessions", bob, null, "demo").json().get("items")) {
            if (!session.get("current").asBoolean()) {
                id = session.get("id").asText();
            }
        }
        c.call("DELETE", B + "/me/sessions/{id}", bob, null, "demo", id);
        token("bob@demo.example", "bob-password-3");
        c.call("POST", B + "/me/sessions/revoke-others", bob, null, "demo");
        c.call("GET", B + "/account-policy", admin, null, "demo");
        c.call("PUT", B + "/account-policy", admin, "{\"unverifiedMayAsk\":true,\"unverifiedMayComplain\":false}", "demo");
        privacyOperations(admin, bob);
    }

    /** Privacy: the brand's policy, an export made and downloaded, then the account closed. */
    private static void privacyOperations(String admin, String bob) {
        c.call("GET", B + "/privacy-policy", null, null, "demo");
        c.call("PUT", B + "/privacy-policy", admin, "{\"erasedPosts\":\"KEEP\",\"threadDays\":730,\"logDays\":90}", "demo");
        long export = c.call("POST", B + "/me/export", bob, null, "demo").json().get("id").asLong();
        server.core.exports.runDue(10);
        // the export timer may have held the row: its lock is released when its archive is committed
        server.core.db.inTransaction(tx -> org.entraide.jdbc.Sql.one(tx, "SELECT state FROM privacy_export WHERE id = ? "
            + "FOR UPDATE", rs -> rs.getString(1), export));
        server.core.exports.runDue(10);
        c.call("GET", B + "/me/exports", bob, null, "demo");
        c.call("GET", B + "/me/exports/{id}/archive", bob, null, "demo", export);
        c.call("DELETE", B + "/me", bob, "{\"currentPassword\":\"bob-password-3\"}", "demo");
    }

    @Test
    void problemsAnswerAsDescribed() {
        String camille = token("customer@demo.example", DemoSeeder.PASSWORD);
        JsonNode invalid = c.call("POST", B + "/questions", camille, "{\"title\":\"x\",\"body\":\" \"}", "demo").json();
        assertEquals(Set.of("title", "body"), fields(invalid), invalid.toString());
        c.call("POST", B + "/questions", camille, "{\"title\":", "demo");
        c.call("POST", B + "/questions", null, "{\"title\":\"Without a token\",\"body\":\"b\"}", "demo");
        c.call("GET", B + "/questions/{id}", "not-a-token", null, "demo", 1);
        c.call("GET", B + "/members/{id}", camille, null, "demo", 1);
        c.call("GET", B + "/questions/{id}", null, null, "demo", 999_999);
        c.call("GET", B + "/questions?size=1000", null, null, "demo");
        c.call("POST", "/api/v1/auth/register", null, "{\"brand\":\"demo\",\"email\":\"camille-2@demo.example\","
            + "\"password\":\"a-long-password\",\"pseudonym\":\"Camille\"}");
        c.call("POST", B + "/questions", camille, "{\"title\":\"" + "x".repeat(70_000) + "\"}", "demo");
        Http.Response plain = new Http(server.base()).send(new Http(server.base()).builder("/api/v1/auth/login", null)
            .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));
        c.check("POST", "/api/v1/auth/login", plain);
        for (int i = 0; i < 14; i++) { // past the 10 free failures, the back-off (1 s, then 2, 4, 8) answers 429
            c.call("POST", "/api/v1/auth/login", null, "{\"brand\":\"demo\",\"email\":\"nobody@demo.example\","
                + "\"password\":\"wrong-password\"}");
        }
        Set<String> statuses = new TreeSet<>();
        c.seen.stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).filter(s -> s.startsWith("4")).forEach(statuses::add);
        assertEquals(Set.of("400", "401", "403", "404", "409", "413", "415", "429"), statuses);
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new TreeSet<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static String token(String email, String password) {
        return c.call("POST", "/api/v1/auth/login", null, "{\"brand\":\"demo\",\"email\":\"" + email
            + "\",\"password\":\"" + password + "\"}").json().get("token").asText();
    }

    /** "METHOD /path status" of the documented success of every operation. */
    private static Set<String> successes() {
        Set<String> all = new TreeSet<>();
        api.doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
            op.getValue().get("responses").fieldNames().forEachRemaining(status -> {
                if (status.startsWith("2")) {
                    all.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " " + status);
                }
            })));
        return all;
    }
}
