package org.entraide.core.internal.user;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.ratelimit.RatePolicy;
import org.entraide.core.internal.security.Tokens;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Problems;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens: refused when absent, wrong, revoked or expired; failed logins back off per account and client
 * address (the other limits are in RateLimitScenarios); passwords that are common or the account's own names are refused.
 */
public abstract class AuthScenarios extends ApiScenarios {
    static final int LOGIN_LIMIT = 3;
    private static final String PASSWORD = "long-enough-password";

    @Override
    protected CoreSettings settings() {
        // a back-off long enough that a slow machine cannot outwait it between two requests
        return CoreSettings.defaults().withRates(RatePolicy.defaults().withLimits(Map.of("login", LOGIN_LIMIT))
            .withBackoff(Duration.ofMinutes(1), Duration.ofMinutes(15)));
    }

    @Test
    void protectedEndpointsAnswer401WithoutAValidToken() {
        String body = Http.json("title", "A question nobody may ask", "body", "b");
        for (String token : new String[] {null, "not-a-token", "x".repeat(43), Tokens.newToken(), "Basic cm9vdDpyb290LXBhc3N3b3Jk"}) {
            Http.Response r = http.send(builder("/api/v1/brands/demo/questions", token)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(401, r.status(), "token " + token + " is refused: " + r);
            assertEquals("application/problem+json", r.header("Content-Type"), "as a problem: " + r);
            assertEquals("Bearer", r.header("WWW-Authenticate"), "with the scheme to use: " + r);
        }
    }

    @Test
    void wrongPasswordsUnknownAccountsAndOtherBrandsAre401Alike() {
        Member m = community.join("demo");
        Http.Response wrong = login("demo", m.email(), "not-the-password");
        Http.Response unknown = login("demo", "nobody-" + m.email(), PASSWORD);
        Http.Response noBrand = login("no-such-brand", m.email(), PASSWORD);
        for (Http.Response r : new Http.Response[] {wrong, unknown, noBrand}) {
            assertEquals(401, r.status(), "refused: " + r);
            assertFalse(r.json().has("token"), "no token on failure: " + r);
        }
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"), "a wrong password and an unknown e-mail look alike");
    }

    @Test
    void logoutRevokesOnlyThatToken() {
        Member m = community.join("demo");
        String second = login("demo", m.email(), PASSWORD).json().get("token").asText();
        assertNotEquals(m.token(), second, "each login gives a new token");

        Http.Response out = http.post("/api/v1/auth/logout", m.token(), "");
        assertEquals(204, out.status(), "logout answers 204: " + out);
        assertEquals(401, me(m.token()).status(), "the revoked token is refused");
        assertEquals(200, me(second).status(), "the other session goes on");
        assertEquals(401, http.post("/api/v1/auth/logout", m.token(), "").status(), "a revoked token cannot log out again");
        assertEquals(401, http.post("/api/v1/auth/logout", null, "").status(), "logout needs a token");
    }

    @Test
    void tokensExpireAfterTheirLifetime() {
        Member m = community.join("demo");
        CoreSettings d = settings();
        server.core.update(d.withTokenLifetime(Duration.ofSeconds(1)));
        Http.Response login;
        try {
            login = login("demo", m.email(), PASSWORD);
        } finally {
            server.core.update(d);
        }
        assertEquals(200, login.status(), "login: " + login);
        String token = login.json().get("token").asText();
        Instant expiresAt = Instant.parse(login.json().get("expiresAt").asText());
        Duration left = Duration.between(Instant.now(), expiresAt);
        assertTrue(left.compareTo(Duration.ofSeconds(2)) < 0, "expiresAt is one second after the login: " + expiresAt);
        await("the token expires").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
            .until(() -> me(token).status() == 401);
        assertTrue(Instant.now().isAfter(expiresAt), "not before expiresAt");
        assertEquals(200, me(m.token()).status(), "a token given with the normal lifetime still works");
    }

    @Test
    void failedLoginsBackOffPerAccountAndAddress() {
        String email = "target-" + Instant.now().toEpochMilli() + "@demo.example";
        assertEquals(202, register("demo", email, "Target-" + Instant.now().toEpochMilli()).status(), "the target registers");
        // a session opened outside the HTTP login, so that it does not count against the limit
        String session = server.core.accounts.login("demo", email, PASSWORD).token();
        Member target = new Member(0, email, "Target", session);
        Member bystander = community.join("demo");
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            assertEquals(401, login("demo", target.email(), "guess-" + i).status(), "guess " + i + " is refused");
        }
        Http.Response blocked = login("demo", target.email(), PASSWORD);
        assertEquals(429, blocked.status(), "past the limit even the right password waits: " + blocked);
        assertEquals("application/problem+json", blocked.header("Content-Type"), "as a problem: " + blocked);
        assertTrue(Long.parseLong(blocked.header("Retry-After")) >= 1, "with Retry-After: " + blocked);
        assertEquals(429, login("demo", target.email().toUpperCase(), PASSWORD).status(), "the e-mail's case changes nothing");
        assertEquals(200, login("demo", bystander.email(), PASSWORD).status(), "other accounts log in");
        assertEquals(200, me(target.token()).status(), "sessions opened before go on");
    }

    @Test
    void registrationRefusesDuplicatesAndWeakInput() {
        Member m = community.join("demo");
        Http.Response sameEmail = register("demo", m.email().toUpperCase(), "Someone-Else");
        assertEquals(202, sameEmail.status(), "an existing address is answered as a new one: " + sameEmail);
        assertEquals(1L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE email = ?",
            m.email())), "but an e-mail registers once per brand, whatever its case");
        Http.Response samePseudonym = register("demo", "other-" + m.email(), m.pseudonym().toLowerCase());
        assertEquals(409, samePseudonym.status(), "a pseudonym is taken whatever its case: " + samePseudonym);
        Http.Response shortPassword = http.post("/api/v1/auth/register", null,
            Http.json("brand", "demo", "email", "short@demo.example", "password", "short", "pseudonym", "Shorty"));
        assertEquals(400, shortPassword.status(), "passwords have at least 10 characters: " + shortPassword);
        Http.Response badEmail = register("demo", "not-an-email", "No-Email");
        assertEquals(400, badEmail.status(), "an e-mail must look like one: " + badEmail);
        assertEquals(404, register("no-such-brand", "x@y.example", "Nobody-Here").status(), "an unknown brand is 404");
    }

    @Test
    void registrationRefusesCommonPasswordsAndTheAccountsOwnNames() {
        String email = Community.unique("weak") + "@demo.example";
        String pseudonym = Community.unique("Weak");
        for (String weak : new String[] {"aaaaaaaaaa", "          ", "password12", "1234567890", "Password12", "qwertyuiop",
            email, email.toUpperCase(), "iloveyou12"}) {
            String password = weak;
            Http.Response r = http.post("/api/v1/auth/register", null,
                Http.json("brand", "demo", "email", email, "password", password, "pseudonym", pseudonym));
            Problems.assertProblem(400, r, "password '" + weak + "'");
            assertEquals("password", r.json().get("errors").get(0).get("field").asText(), "the problem names the field: " + r);
        }
        String longPseudonym = Community.unique("Pseudonym-long");
        Http.Response samePseudonym = http.post("/api/v1/auth/register", null,
            Http.json("brand", "demo", "email", email, "password", longPseudonym.toUpperCase(), "pseudonym", longPseudonym));
        Problems.assertProblem(400, samePseudonym, "the pseudonym as password, in another case");
        Http.Response weakAdmin = http.post("/api/v1/admin/brands", Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD),
            Http.json("slug", Community.unique("weak"), "name", "Weak", "adminEmail", "admin@weak.example",
                "adminPassword", "1234567890", "adminPseudonym", "Weak-Admin"));
        Problems.assertProblem(400, weakAdmin, "a brand's first admin too");
        assertEquals("adminPassword", weakAdmin.json().get("errors").get(0).get("field").asText(), "named: " + weakAdmin);
        assertEquals(401, login("demo", email, "password12").status(), "no account was created");
        Http.Response strong = http.post("/api/v1/auth/register", null,
            Http.json("brand", "demo", "email", email, "password", "correct horse battery staple", "pseudonym", pseudonym));
        assertEquals(202, strong.status(), "an uncommon password is accepted: " + strong);
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsHashes() {
        Member m = community.join("demo");
        String hash = server.core.db.inTransaction(c -> Sql.one(c, "SELECT password_hash FROM app_user WHERE id = ?",
            rs -> rs.getString(1), m.id()).orElseThrow());
        assertTrue(hash.startsWith("$argon2id$v=19$"), "an Argon2id hash in PHC format: " + hash);
        assertFalse(hash.contains(PASSWORD), "never the password itself");
        long clear = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM auth_token WHERE token_hash = ?", m.token()));
        long digest = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM auth_token WHERE token_hash = ?",
            Tokens.digest(m.token())));
        assertEquals(0, clear, "the token is not stored in clear");
        assertEquals(1, digest, "its SHA-256 digest is");
    }

    private java.net.http.HttpRequest.Builder builder(String path, String token) {
        java.net.http.HttpRequest.Builder b = http.builder(path, null);
        if (token != null) {
            b.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        return b;
    }

    private Http.Response register(String brand, String email, String pseudonym) {
        return http.post("/api/v1/auth/register", null,
            Http.json("brand", brand, "email", email, "password", PASSWORD, "pseudonym", pseudonym));
    }

    private Http.Response login(String brand, String email, String password) {
        return http.post("/api/v1/auth/login", null, Http.json("brand", brand, "email", email, "password", password));
    }

    private Http.Response me(String token) {
        return http.get("/api/v1/brands/demo/me", token);
    }
}
