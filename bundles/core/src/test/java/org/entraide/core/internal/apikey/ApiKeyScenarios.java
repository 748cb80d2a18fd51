package org.entraide.core.internal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.security.Tokens;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * API keys of a brand's systems: created by its admins with scopes, shown once and stored hashed, held to their
 * brand and scopes on every operation, refused once revoked or expired, rate-limited, and never let into accounts.
 */
public abstract class ApiKeyScenarios extends ApiScenarios {
    private static final String KEYS = "/api/v1/brands/demo/api-keys";

    private JsonNode create(Member admin, String name, List<String> scopes) {
        Http.Response r = http.post(KEYS, admin.token(), Http.json("name", name, "scopes", scopes));
        assertEquals(201, r.status(), "created: " + r);
        return r.json();
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndListedWithoutItsSecret() {
        Member admin = community.demo("admin");
        JsonNode created = create(admin, "CRM", List.of("complaints:read", "questions:read"));
        String key = created.get("key").asText();
        assertTrue(key.matches("ek_[0-9a-f]{8}_[A-Za-z0-9_-]{43}"), "the key's shape: " + key);
        assertEquals(created.get("prefix").asText(), key.substring(3, 11), "its prefix names it");
        assertNotNull(http.post(KEYS, admin.token(), Http.json("name", "x", "scopes", List.of("questions:read"))).header("Location"));

        String hash = Tokens.digest(key);
        long stored = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM api_key WHERE secret_hash = ?", hash));
        assertEquals(1L, stored, "its digest is stored");
        String secret = key.substring(12);
        long clear = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM api_key WHERE secret_hash = ? "
            + "OR secret_hash = ? OR name = ? OR scopes LIKE ?", key, secret, key, "%" + secret + "%"));
        assertEquals(0L, clear, "the secret is nowhere in the database");

        JsonNode list = http.get(KEYS, admin.token()).json();
        JsonNode mine = null;
        for (JsonNode k : list.get("items")) {
            assertNull(k.get("key"), "no secret on the list: " + k);
            assertFalse(k.toString().contains(secret), "no secret on the list");
            if (k.get("id").asLong() == created.get("id").asLong()) {
                mine = k;
            }
        }
        assertNotNull(mine, "listed: " + list);
        assertEquals("CRM", mine.get("name").asText());
        assertEquals(List.of("complaints:read", "questions:read"), List.of(mine.get("scopes").get(0).asText(),
            mine.get("scopes").get(1).asText()));
        assertEquals(admin.pseudonym(), mine.at("/createdBy/pseudonym").asText(), "who created it: " + mine);
        assertTrue(mine.get("lastUsedAt").isNull(), "never used yet");

        assertEquals(200, http.get("/api/v1/brands/demo/complaints", key).status(), "the key works");
        JsonNode used = find(http.get(KEYS, admin.token()).json(), created.get("id").asLong());
        assertFalse(used.get("lastUsedAt").isNull(), "its last use is shown: " + used);
    }

    @Test
    void onlyBrandAdminsManageKeysAndBadInputChangesNothing() {
        Member admin = community.demo("admin");
        Member customer = community.demo("customer");
        Member moderator = community.demo("moderator");
        long before = keyCount();
        Problems.assertProblem(401, http.post(KEYS, null, Http.json("name", "x", "scopes", List.of("questions:read"))), "anonymous");
        Problems.assertProblem(403, http.post(KEYS, customer.token(), Http.json("name", "x", "scopes", List.of("questions:read"))),
            "a customer");
        Problems.assertProblem(403, http.post(KEYS, moderator.token(), Http.json("name", "x", "scopes", List.of("questions:read"))),
            "a moderator");
        Problems.assertProblem(403, http.get(KEYS, customer.token()), "a customer reads no keys");
        Http.Response unknown = http.post(KEYS, admin.token(), Http.json("name", "x", "scopes", List.of("root")));
        Problems.assertProblem(400, unknown, "an unknown scope");
        assertEquals("scopes", unknown.json().at("/errors/0/field").asText(), "named: " + unknown);
        Problems.assertProblem(400, http.post(KEYS, admin.token(), Http.json("name", "x", "scopes", List.of())), "no scope");
        Problems.assertProblem(400, http.post(KEYS, admin.token(), Http.json("name", "x", "scopes", List.of("questions:read"),
            "expiresAt", "2001-01-01T00:00:00Z")), "an expiry in the past");
        Problems.assertProblem(400, http.post(KEYS, admin.token(), Http.json("name", "x", "scopes", List.of("questions:read"),
            "expiresAt", "+999999-01-01T00:00:00Z")), "an expiry past any calendar");
        Problems.assertProblem(400, http.post(KEYS, admin.token(), Http.json("name", "x", "scopes", List.of("questions:read"),
            "expiresAt", "tomorrow")), "not an instant");
        Problems.assertProblem(400, http.post(KEYS, admin.token(), Http.json("name", "", "scopes", List.of("questions:read"))),
            "no name");
        assertEquals(before, keyCount(), "nothing stored");

        String other = Community.unique("other");
        server.core.administration.createBrand(other, "Other", "admin@" + other + ".example", "other-admin-password",
            "Boss-" + other);
        Member otherAdmin = community.login(other, "admin@" + other + ".example", "other-admin-password");
        Problems.assertProblem(403, http.post(KEYS, otherAdmin.token(), Http.json("name", "x", "scopes",
            List.of("questions:read"))), "another brand's admin");
        long id = create(admin, "help desk", List.of("questions:read")).get("id").asLong();
        Problems.assertProblem(404, http.delete("/api/v1/brands/" + other + "/api-keys/" + id, otherAdmin.token()),
            "another brand's key is not found");
        assertEquals(before + 1, keyCount(), "nothing else stored");
    }

    @Test
    void aKeyActsOnlyWithinItsScopesAndItsBrand() {
        Member admin = community.demo("admin");
        Member customer = community.join("demo");
        String readOnly = create(admin, "dashboard", List.of("complaints:read")).get("key").asText();
        String responder = create(admin, "help desk", List.of("complaints:read", "complaints:respond")).get("key").asText();
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", false);
        String responses = "/api/v1/brands/demo/complaints/" + complaint + "/responses";

        assertEquals(200, http.get("/api/v1/brands/demo/complaints/" + complaint, readOnly).status(), "its scope");
        long responsesBefore = responseCount(complaint);
        Http.Response refused = http.post(responses, readOnly, Http.json("body", "We are on it."));
        Problems.assertProblem(403, refused, "respond without complaints:respond");
        assertTrue(refused.json().get("detail").asText().contains("complaints:respond"), "names the scope: " + refused);
        assertEquals(responsesBefore, responseCount(complaint), "nothing stored");
        Problems.assertProblem(403, http.get("/api/v1/brands/demo/questions", readOnly), "reading questions is another scope");
        Problems.assertProblem(403, http.post("/api/v1/brands/demo/stores", readOnly, Http.json("code", "K-1", "name", "K",
            "city", "Lyon", "postalCode", "69001")), "stores are another scope");

        Http.Response answered = http.post(responses, responder, Http.json("body", "We are on it, sorry for the wait."));
        assertEquals(201, answered.status(), "with the scope: " + answered);
        JsonNode actions = http.get(KEYS + "/" + keyId(responder) + "/actions", admin.token()).json();
        assertEquals("POST", actions.at("/items/0/method").asText(), "what the key did is logged: " + actions);
        assertEquals(responses, actions.at("/items/0/path").asText());
        assertEquals(201, actions.at("/items/0/status").asInt());
        JsonNode refusedLog = http.get(KEYS + "/" + keyId(readOnly) + "/actions", admin.token()).json();
        assertEquals(403, refusedLog.at("/items/0/status").asInt(), "the refused write is logged with its 403 too: " + refusedLog);

        String other = Community.unique("keys");
        server.core.administration.createBrand(other, "Other", "admin@" + other + ".example", "other-admin-password",
            "Boss-" + other);
        Problems.assertProblem(403, http.get("/api/v1/brands/" + other + "/complaints", readOnly), "another brand's URL");
    }

    @Test
    void aKeyNeverReachesAccountsSettingsOrKeys() {
        Member admin = community.demo("admin");
        String all = create(admin, "everything", List.of("complaints:read", "complaints:respond", "stores:manage",
            "questions:read", "posts:write", "webhooks:manage")).get("key").asText();
        Problems.assertProblem(403, http.get("/api/v1/brands/demo/me", all), "me");
        Problems.assertProblem(403, http.patch("/api/v1/brands/demo/me", all, Http.json("bio", "hello")), "my profile");
        Problems.assertProblem(403, http.put("/api/v1/brands/demo/me/password", all,
            Http.json("currentPassword", "whatever-it-is", "password", "a-brand-new-passphrase")), "a password");
        Problems.assertProblem(403, http.get("/api/v1/brands/demo/me/sessions", all), "sessions");
        Problems.assertProblem(403, http.post(KEYS, all, Http.json("name", "child", "scopes", List.of("questions:read"))),
            "a key makes no key");
        Problems.assertProblem(403, http.get(KEYS, all), "nor lists them");
        Problems.assertProblem(403, http.put("/api/v1/brands/demo/features", all, Http.json("webhooks", false)), "features");
        Problems.assertProblem(403, http.get("/api/v1/brands/demo/members/" + admin.id(), all), "members");
        for (String spelling : List.of("/api/v1/brands/demo/complaints/1/../../me", "/api/v1/brands/demo/complaints/%2e%2e/me",
                "/api/v1/brands/demo/complaints/..%2Fme", "/api/v1/brands/demo/complaints;x=1/../me")) {
            int status = http.get(spelling, all).status();
            assertTrue(status == 400 || status == 403, "no spelling of /me gets through: " + spelling + " " + status);
        }
        Problems.assertProblem(403, http.post("/api/v1/auth/logout", all, ""), "a key is no session to sign out");
        assertEquals(200, http.get("/api/v1/brands/demo/questions", all).status(), "while its scopes work");
    }

    @Test
    void aRevokedExpiredOrForgedKeyIs401() {
        Member admin = community.demo("admin");
        JsonNode created = create(admin, "old CRM", List.of("questions:read"));
        String key = created.get("key").asText();
        assertEquals(200, http.get("/api/v1/brands/demo/questions", key).status(), "works before");
        assertEquals(204, http.delete(KEYS + "/" + created.get("id").asLong(), admin.token()).status(), "revoked");
        Problems.assertProblem(401, http.get("/api/v1/brands/demo/questions", key), "a revoked key");
        JsonNode listed = find(http.get(KEYS, admin.token()).json(), created.get("id").asLong());
        assertFalse(listed.get("revokedAt").isNull(), "shown revoked: " + listed);
        assertEquals(204, http.delete(KEYS + "/" + created.get("id").asLong(), admin.token()).status(), "revoking again changes nothing");

        String expiring = http.post(KEYS, admin.token(), Http.json("name", "trial", "scopes", List.of("questions:read"),
            "expiresAt", Instant.now().plusSeconds(3600).toString())).json().get("key").asText();
        assertEquals(200, http.get("/api/v1/brands/demo/questions", expiring).status(), "works until it expires");
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE api_key SET expires_at = created_at WHERE secret_hash = ?",
            Tokens.digest(expiring)));
        Problems.assertProblem(401, http.get("/api/v1/brands/demo/questions", expiring), "an expired key");

        String forged = key.substring(0, 12) + "A".repeat(43);
        Problems.assertProblem(401, http.get("/api/v1/brands/demo/questions", forged), "a forged secret");
        Problems.assertProblem(401, http.get("/api/v1/brands/demo/questions", "ek_nothing"), "a malformed key");
        Problems.assertProblem(404, http.delete(KEYS + "/999999999", admin.token()), "an unknown key");
    }

    @Test
    void aKeyIsRateLimited() {
        Member admin = community.demo("admin");
        String key = create(admin, "busy", List.of("questions:read")).get("key").asText();
        String other = create(admin, "quiet", List.of("questions:read")).get("key").asText();
        CoreSettings before = CoreSettings.defaults();
        Map<String, Integer> limits = new HashMap<>(before.rates().limits());
        limits.put("apikey", 3);
        server.core.update(before.withRates(before.rates().withLimits(limits)));
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.get("/api/v1/brands/demo/questions", key).status(), "within its allowance");
            }
            Http.Response refused = http.get("/api/v1/brands/demo/questions", key);
            Problems.assertProblem(429, refused, "past its allowance");
            assertNotNull(refused.header("Retry-After"), "says when to come back");
            assertEquals(200, http.get("/api/v1/brands/demo/questions", other).status(), "another key has its own allowance");
        } finally {
            server.core.update(before);
        }
    }

    @Test
    void aKeyWritesAsItsBrandAndIsAttributed() {
        Member admin = community.demo("admin");
        String writer = create(admin, "content", List.of("posts:write", "questions:read")).get("key").asText();
        Http.Response asked = http.post("/api/v1/brands/demo/questions", writer, Http.json("title", "Opening hours in May",
            "body", "Which stores open on the 1st of May?", "tags", List.of()));
        assertEquals(201, asked.status(), "a key with posts:write posts: " + asked);
        long id = asked.json().get("id").asLong();
        JsonNode q = http.get("/api/v1/brands/demo/questions/" + id, writer).json();
        assertEquals(admin.pseudonym(), q.at("/author/pseudonym").asText(), "under the account it acts for: " + q);
        long logged = server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM api_key_action a JOIN api_key k "
            + "ON k.id = a.key_id WHERE k.secret_hash = ? AND a.method = 'POST' AND a.status = 201", Tokens.digest(writer)));
        assertEquals(1L, logged, "and the key that did it is logged");
    }

    private long keyId(String key) {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT id FROM api_key WHERE secret_hash = ?",
            rs -> rs.getLong(1), Tokens.digest(key)).orElseThrow());
    }

    private long keyCount() {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM api_key"));
    }

    private long responseCount(long complaint) {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post WHERE parent_id = ?", complaint));
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode k : list.get("items")) {
            if (k.get("id").asLong() == id) {
                return k;
            }
        }
        throw new AssertionError("key " + id + " not listed: " + list);
    }
}
