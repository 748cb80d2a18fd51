package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.entraide.core.internal.instance.FakeInstaller;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The instance console's pages: an instance administrator signs in through the web (the cookie holds a console
 * session, never the password), sees the capabilities, starts an installation and follows its job; forged and
 * anonymous posts change nothing.
 */
abstract class InstanceConsolePageScenarios extends WebTestBase {
    private final FakeInstaller installer = new FakeInstaller()
        .offer("entraide-core", "Entraide :: community core and REST API", "0.1.0.SNAPSHOT")
        .offer("entraide-badges", "Entraide :: expert badges", "0.1.0.SNAPSHOT")
        .offer("entraide-reputation", "Entraide :: reputation points", "0.1.0.SNAPSHOT")
        .installed("entraide-core", "0.1.0.SNAPSHOT");

    InstanceConsolePageScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void karaf() {
        server.core.useInstaller(() -> installer);
    }

    @Test
    void anAdministratorSignsInSeesTheCapabilitiesAndInstallsOne() {
        Browser b = new Browser(server.base());
        HttpResponse<String> form = b.get("/instance");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("name=\"password\""), "a sign-in form: " + form.body());

        HttpResponse<String> wrong = b.post("/instance/login", Map.of("user", TestServer.ROOT_USER, "password", "wrong"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong user name or password"), wrong.body());
        assertNull(b.cookie(InstanceConsole.SESSION), "no session after a failure");

        HttpResponse<String> in = b.post("/instance/login", Map.of("user", TestServer.ROOT_USER, "password", TestServer.ROOT_PASSWORD));
        assertEquals(303, in.statusCode(), in.body());
        String cookie = Browser.setCookies(in).stream().filter(c -> c.startsWith(InstanceConsole.SESSION + "=")).findFirst()
            .orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/instance"), cookie);
        assertFalse(cookie.contains(TestServer.ROOT_PASSWORD), "the password is never in the cookie");
        assertEquals(43, b.cookie(InstanceConsole.SESSION).length(), "a console session token");

        HttpResponse<String> home = b.get("/instance");
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains("entraide-badges") && home.body().contains("Entraide :: expert badges"), home.body());
        assertTrue(home.body().contains("action=\"/instance/capabilities/entraide-badges/install\""), home.body());
        assertFalse(home.body().contains("action=\"/instance/capabilities/entraide-core/uninstall\""), "the core stays");

        HttpResponse<String> started = b.post("/instance/capabilities/entraide-badges/install", Map.of("version", "0.1.0.SNAPSHOT"));
        assertEquals(303, started.statusCode(), started.body());
        String job = started.headers().firstValue("Location").orElseThrow();
        assertTrue(job.matches("/instance/jobs/[0-9]+"), job);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> b.get(job).body().contains("<strong>done</strong>"));
        HttpResponse<String> page = b.get(job);
        assertTrue(page.body().contains("entraide-badges 0.1.0.SNAPSHOT installed and started"), page.body());
        assertTrue(installer.isInstalled("entraide-badges", "0.1.0.SNAPSHOT"));
        HttpResponse<String> after = b.get("/instance");
        assertTrue(after.body().contains("action=\"/instance/capabilities/entraide-badges/uninstall\""), after.body());

        HttpResponse<String> out = b.post("/instance/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertTrue(b.get("/instance").body().contains("name=\"password\""), "signed out");
    }

    @Test
    void forgedAndAnonymousPostsChangeNothingAndTheFrenchPageIsFrench() {
        Browser b = new Browser(server.base());
        b.get("/instance");
        HttpResponse<String> anonymous = b.post("/instance/capabilities/entraide-badges/install", Map.of());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        b.post("/instance/login", Map.of("user", TestServer.ROOT_USER, "password", TestServer.ROOT_PASSWORD));
        b.get("/instance");
        HttpResponse<String> forged = b.postRaw("/instance/capabilities/entraide-badges/install", "csrf=guess",
            "http://evil.example");
        assertEquals(403, forged.statusCode(), forged.body());
        HttpResponse<String> noToken = b.postRaw("/instance/capabilities/entraide-badges/install", "version=0.1.0.SNAPSHOT",
            server.base());
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(installer.calls.isEmpty(), "nothing was installed: " + installer.calls);
        HttpResponse<String> fr = b.get("/instance?lang=fr");
        assertTrue(fr.body().contains("Console de l'instance") || fr.body().contains("Console de l&#39;instance"), fr.body());
        assertTrue(fr.body().contains("Installer"), fr.body());
    }
}
