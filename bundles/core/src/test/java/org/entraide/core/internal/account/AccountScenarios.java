package org.entraide.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.security.Tokens;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Mailbox;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.Test;

/**
 * Accounts members control: a verified address before complaining, sign-ups and reset requests that do not tell
 * which addresses have an account, single-use links stored hashed, password change, profile and sessions.
 */
public abstract class AccountScenarios extends ApiScenarios {
    private static final String PASSWORD = "long-enough-password";
    private static final String ME = "/api/v1/brands/demo/me";

    private Mailbox mail() {
        return server.mailbox();
    }

    @Test
    void anUnverifiedAccountAsksButFilesNoComplaintUntilItOpensTheLink() {
        Member m = community.joinUnverified("demo");
        assertFalse(http.get(ME, m.token()).json().get("emailVerified").asBoolean(), "not verified yet");
        assertEquals(201, community.ask(m, "demo", "Unverified but curious", "May I ask before confirming?", null, List.of())
            .status(), "reading and asking is allowed by default");
        Http.Response refused = community.complain(m, "demo", "Broken drill", "It broke at once.", "LYON-PARTDIEU", false);
        Problems.assertProblem(403, refused, "a complaint before verification");
        assertTrue(refused.json().get("type").asText().endsWith("/email-unverified"), "a clear problem type: " + refused);
        assertTrue(refused.json().get("detail").asText().contains("/me/email-verification"), "says how to resend: " + refused);

        String token = mail().lastToken(m.email(), "account-verify-", "verify-email");
        assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM account_token WHERE token_hash = ?", token)), "the link's token is not stored in clear");
        assertEquals(204, http.post("/api/v1/brands/demo/email-verification/" + token, null, "").status(), "the link works");
        assertTrue(http.get(ME, m.token()).json().get("emailVerified").asBoolean(), "verified");
        assertEquals(201, community.complain(m, "demo", "Broken drill", "It broke at once.", "LYON-PARTDIEU", false).status(),
            "then the complaint is filed");
        Http.Response again = http.post("/api/v1/brands/demo/email-verification/" + token, null, "");
        Problems.assertProblem(400, again, "a link used twice");
        assertEquals("token", again.json().at("/errors/0/field").asText(), "names the token: " + again);
    }

    @Test
    void aResentLinkReplacesTheOldOneAndExpiredOrForeignLinksFail() {
        Member m = community.joinUnverified("demo");
        String first = mail().lastToken(m.email(), "account-verify-", "verify-email");
        assertEquals(202, http.post(ME + "/email-verification", m.token(), "").status(), "a new link is sent");
        String second = mail().lastToken(m.email(), "account-verify-", "verify-email");
        Problems.assertProblem(400, http.post("/api/v1/brands/demo/email-verification/" + first, null, ""), "the old link");
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE account_token SET expires_at = created_at WHERE token_hash = ?",
            Tokens.digest(second)));
        Problems.assertProblem(400, http.post("/api/v1/brands/demo/email-verification/" + second, null, ""), "an expired link");
        Problems.assertProblem(400, http.post("/api/v1/brands/demo/email-verification/not-a-token", null, ""), "a malformed one");
        assertFalse(http.get(ME, m.token()).json().get("emailVerified").asBoolean(), "still not verified");
        assertEquals(202, http.post(ME + "/email-verification", m.token(), "").status(), "another one");
        String third = mail().lastToken(m.email(), "account-verify-", "verify-email");
        String other = Community.unique("other");
        server.core.administration.createBrand(other, "Other", "admin@" + other + ".example", "other-admin-password", "Boss-" + other);
        Problems.assertProblem(400, http.post("/api/v1/brands/" + other + "/email-verification/" + third, null, ""),
            "a link of another brand");
        assertEquals(204, http.post("/api/v1/brands/demo/email-verification/" + third, null, "").status(), "its own brand");
        Problems.assertProblem(409, http.post(ME + "/email-verification", m.token(), ""), "nothing to verify any more");
    }

    @Test
    void aBrandChoosesWhatUnverifiedAccountsMayDo() {
        Member admin = community.demo("admin");
        Member customer = community.demo("customer");
        assertTrue(http.get(ME, customer.token()).json().get("emailVerified").asBoolean(),
            "accounts made before verification existed count as verified");
        Problems.assertProblem(403, http.put("/api/v1/brands/demo/account-policy", customer.token(),
            Http.json("unverifiedMayAsk", false, "unverifiedMayComplain", true)), "a customer does not choose");
        JsonNode before = http.get("/api/v1/brands/demo/account-policy", admin.token()).json();
        assertEquals(false, before.get("unverifiedMayComplain").asBoolean(), "by default no complaint: " + before);
        Member m = community.joinUnverified("demo");
        try {
            assertEquals(200, http.put("/api/v1/brands/demo/account-policy", admin.token(),
                Http.json("unverifiedMayAsk", false, "unverifiedMayComplain", true)).status(), "the admin chooses");
            assertEquals(201, community.complain(m, "demo", "Late delivery", "Two weeks late.", null, false).status(),
                "complaints allowed");
            Problems.assertProblem(403, community.ask(m, "demo", "May I still ask?", "Asking unverified.", null, List.of()),
                "questions refused");
        } finally {
            http.put("/api/v1/brands/demo/account-policy", admin.token(),
                Http.json("unverifiedMayAsk", true, "unverifiedMayComplain", false));
        }
    }

    @Test
    void signUpAnswersAlikeForNewAndExistingAddressesAndTellsTheOwner() {
        Member owner = community.join("demo");
        int mailsBefore = mail().to(owner.email()).size();
        Http.Response existing = register(owner.email().toUpperCase(), Community.unique("Intruder"));
        Http.Response fresh = register(Community.unique("fresh") + "@demo.example", Community.unique("Fresh"));
        assertEquals(fresh.status(), existing.status(), "same status: " + existing + " / " + fresh);
        assertEquals(fresh.raw().body(), existing.raw().body(), "same body");
        assertNull(existing.header("Location"), "no account named");
        assertEquals(mailsBefore + 1, mail().to(owner.email()).size(), "the owner gets one message");
        assertTrue(mail().last(owner.email(), "account-exists-").isPresent(), "telling them someone tried");
        assertEquals(200, login(owner.email(), PASSWORD).status(), "the owner's password is unchanged");
        Problems.assertProblem(409, register(Community.unique("new") + "@demo.example", owner.pseudonym()),
            "a taken pseudonym is public: 409 whatever the address");
        Problems.assertProblem(409, register(owner.email(), owner.pseudonym()), "and the same 409 with an existing address");
    }

    @Test
    void aPasswordResetWorksOnceSignsEverySessionOutAndAnswersAlikeForUnknownAddresses() {
        Member m = community.join("demo");
        String second = community.login("demo", m.email(), PASSWORD).token();
        Http.Response known = http.post("/api/v1/brands/demo/password-reset", null, Http.json("email", m.email()));
        Http.Response unknown = http.post("/api/v1/brands/demo/password-reset", null,
            Http.json("email", Community.unique("nobody") + "@demo.example"));
        assertEquals(202, known.status(), "accepted: " + known);
        assertEquals(known.raw().body(), unknown.raw().body(), "an unknown address is answered alike");
        assertEquals(202, http.post("/api/v1/brands/no-such-brand/password-reset", null, Http.json("email", m.email())).status(),
            "an unknown brand too");
        String token = mail().lastToken(m.email(), "account-reset-", "reset-password");
        assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c,
            "SELECT COUNT(*) FROM account_token WHERE token_hash = ?", token)), "stored hashed only");

        Http.Response weak = http.post("/api/v1/brands/demo/password-reset/" + token, null, Http.json("password", "password12"));
        Problems.assertProblem(400, weak, "a common password");
        assertEquals("password", weak.json().at("/errors/0/field").asText(), "named: " + weak);
        assertEquals(204, http.post("/api/v1/brands/demo/password-reset/" + token, null,
            Http.json("password", "a-brand-new-passphrase")).status(), "the refused try did not spend the link");
        assertEquals(401, http.get(ME, m.token()).status(), "every session is signed out");
        assertEquals(401, http.get(ME, second).status(), "every one");
        assertEquals(401, login(m.email(), PASSWORD).status(), "the old password is refused");
        assertEquals(200, login(m.email(), "a-brand-new-passphrase").status(), "the new one works");
        Problems.assertProblem(400, http.post("/api/v1/brands/demo/password-reset/" + token, null,
            Http.json("password", "yet-another-passphrase")), "a link used twice");
        assertTrue(mail().last(m.email(), "account-password-").isPresent(), "the owner is told of the change");

        http.post("/api/v1/brands/demo/password-reset", null, Http.json("email", m.email()));
        String late = mail().lastToken(m.email(), "account-reset-", "reset-password");
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE account_token SET expires_at = created_at WHERE token_hash = ?",
            Tokens.digest(late)));
        Problems.assertProblem(400, http.post("/api/v1/brands/demo/password-reset/" + late, null,
            Http.json("password", "yet-another-passphrase")), "an expired link (30 minutes)");
        assertEquals(200, login(m.email(), "a-brand-new-passphrase").status(), "nothing changed");
    }

    @Test
    void changingThePasswordAsksTheCurrentOneAndSignsOtherSessionsOut() {
        Member m = community.join("demo");
        String other = community.login("demo", m.email(), PASSWORD).token();
        Http.Response wrong = http.put(ME + "/password", m.token(), Http.json("currentPassword", "not-my-password",
            "password", "a-brand-new-passphrase"));
        Problems.assertProblem(400, wrong, "a wrong current password");
        assertEquals("currentPassword", wrong.json().at("/errors/0/field").asText(), "named: " + wrong);
        assertEquals(204, http.put(ME + "/password", m.token(), Http.json("currentPassword", PASSWORD,
            "password", "a-brand-new-passphrase")).status(), "changed");
        assertEquals(200, http.get(ME, m.token()).status(), "this session goes on");
        assertEquals(401, http.get(ME, other).status(), "the other one is signed out");
        assertEquals(200, login(m.email(), "a-brand-new-passphrase").status(), "the new password works");
    }

    @Test
    void aProfileChangesWithinItsLimits() {
        Member m = community.join("demo");
        JsonNode changed = http.patch(ME, m.token(), Http.json("bio", "Woodworker <b>since</b> 1999.", "locale", "en",
            "timeZone", "America/Montreal")).json();
        assertEquals("Woodworker <b>since</b> 1999.", changed.get("bio").asText(), "plain text, kept as typed: " + changed);
        assertEquals("Woodworker <b>since</b> 1999.", http.get("/api/v1/brands/demo/users/" + m.id(), null).json().get("bio")
            .asText(), "shown on the public profile");
        assertEquals("en", changed.get("locale").asText());
        assertEquals("America/Montreal", changed.get("timeZone").asText());
        Problems.assertProblem(400, http.patch(ME, m.token(), Http.json("timeZone", "Mars/Olympus")), "an unknown time zone");
        Problems.assertProblem(400, http.patch(ME, m.token(), Http.json("timeZone", "+02:00")), "an offset is no time zone");
        Problems.assertProblem(400, http.patch(ME, m.token(), Http.json("locale", "de")), "an unknown language");
        Problems.assertProblem(400, http.patch(ME, m.token(), Http.json("bio", "x".repeat(281))), "a long bio");
        assertEquals("America/Montreal", http.get(ME, m.token()).json().get("timeZone").asText(), "refusals changed nothing");

        String old = m.pseudonym();
        Member taken = community.join("demo");
        Problems.assertProblem(409, http.patch(ME, m.token(), Http.json("pseudonym", taken.pseudonym().toUpperCase())),
            "another member's pseudonym");
        String renamed = Community.unique("Renamed");
        assertEquals(renamed, http.patch(ME, m.token(), Http.json("pseudonym", renamed)).json().get("pseudonym").asText());
        assertEquals(renamed, http.get("/api/v1/brands/demo/users/" + m.id(), null).json().get("pseudonym").asText(),
            "the public profile follows");
        Problems.assertProblem(409, http.patch(ME, m.token(), Http.json("pseudonym", Community.unique("Again"))),
            "a second change within 30 days");
        Problems.assertProblem(409, register(Community.unique("squatter") + "@demo.example", old),
            "the old pseudonym stays reserved to its owner");
        assertEquals(200, http.patch(ME, m.token(), Http.json("bio", "")).status(), "a bio is cleared");
        assertTrue(http.get(ME, m.token()).json().get("bio").isNull(), "cleared");
    }

    @Test
    void aNewAddressTakesEffectOnceConfirmedAndTheOldOneIsTold() {
        Member m = community.join("demo");
        String next = Community.unique("next") + "@demo.example";
        Problems.assertProblem(400, http.patch(ME, m.token(), Http.json("email", next)), "without the current password");
        Problems.assertProblem(400, http.patch(ME, m.token(), Http.json("email", next, "currentPassword", "wrong-password")),
            "with a wrong one");
        JsonNode pending = http.patch(ME, m.token(), Http.json("email", next, "currentPassword", PASSWORD)).json();
        assertEquals(m.email(), pending.get("email").asText(), "the address is unchanged until confirmed: " + pending);
        assertEquals(next, pending.get("pendingEmail").asText(), "the new one is pending");
        assertTrue(mail().last(m.email(), "account-email-change-").isPresent(), "the old address is told");
        String token = mail().lastToken(next, "account-verify-", "verify-email");
        assertEquals(204, http.post("/api/v1/brands/demo/email-verification/" + token, null, "").status(), "confirmed");
        JsonNode after = http.get(ME, m.token()).json();
        assertEquals(next, after.get("email").asText(), "changed: " + after);
        assertTrue(after.get("emailVerified").asBoolean());
        assertEquals(200, login(next, PASSWORD).status(), "signs in with the new address");
        assertEquals(401, login(m.email(), PASSWORD).status(), "not the old one");

        Member other = community.join("demo");
        int before = mail().to(other.email()).size();
        assertEquals(200, http.patch(ME, m.token(), Http.json("email", other.email(), "currentPassword", PASSWORD)).status(),
            "an address with an account is answered alike");
        assertEquals(before + 1, mail().to(other.email()).size(), "its owner gets one message");
        assertTrue(mail().to(other.email()).get(before).key().startsWith("account-exists-"), "telling them, with no link to "
            + "take the address");
    }

    @Test
    void aSessionsLastUseMovesWithItsRequestsAtMostOnceAMinute() {
        Member m = community.join("demo");
        String digest = Tokens.digest(m.token());
        java.time.Instant longAgo = java.time.Instant.now().minusSeconds(300);
        java.time.Instant justNow = java.time.Instant.now().minusSeconds(20);
        java.util.function.Supplier<java.time.Instant> lastUsed = () -> server.core.db.inTransaction(c -> Sql.one(c,
            "SELECT last_used_at FROM auth_token WHERE token_hash = ?", rs -> Sql.instant(rs, "last_used_at"), digest)).orElseThrow();
        java.util.function.Consumer<java.time.Instant> setLastUsed = at -> server.core.db.inTransaction(c -> Sql.update(c,
            "UPDATE auth_token SET last_used_at = ? WHERE token_hash = ?", at, digest));

        setLastUsed.accept(longAgo);
        assertEquals(200, http.get(ME, m.token()).status());
        assertTrue(lastUsed.get().isAfter(longAgo.plusSeconds(200)), "a use five minutes later is written: " + lastUsed.get());
        setLastUsed.accept(justNow);
        assertEquals(200, http.get(ME, m.token()).status());
        assertEquals(justNow.toEpochMilli(), lastUsed.get().toEpochMilli(), "a use within the minute is not");
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE auth_token SET revoked_at = ? WHERE token_hash = ?",
            java.time.Instant.now(), digest));
        Problems.assertProblem(401, http.get(ME, m.token()), "a revoked session");
    }

    @Test
    void aMemberSeesAndSignsOutTheirSessions() {
        Member m = community.join("demo");
        Member stranger = community.join("demo");
        http.post("/api/v1/auth/login", null, Http.json("brand", "demo", "email", m.email(), "password", PASSWORD,
            "device", "Firefox on a phone"));
        JsonNode items = http.get(ME + "/sessions", m.token()).json().get("items");
        assertEquals(2, items.size(), "two sessions: " + items);
        JsonNode phone = items.get(0);
        assertEquals("Firefox on a phone", phone.get("device").asText(), "newest first, with its device: " + items);
        assertFalse(phone.get("current").asBoolean());
        assertTrue(items.get(1).get("current").asBoolean(), "the request's own session is marked");
        assertTrue(phone.has("lastUsedAt") && phone.has("createdAt"));

        String strangerSession = http.get(ME + "/sessions", stranger.token()).json().at("/items/0/id").asText();
        Problems.assertProblem(404, http.delete(ME + "/sessions/" + strangerSession, m.token()), "another member's session");
        assertEquals(200, http.get(ME, stranger.token()).status(), "which goes on");
        Problems.assertProblem(404, http.delete(ME + "/sessions/0123456789abcdef", m.token()), "an unknown one");
        assertEquals(204, http.delete(ME + "/sessions/" + phone.get("id").asText(), m.token()).status(), "signed out");
        assertEquals(1, http.get(ME + "/sessions", m.token()).json().get("items").size(), "one left");

        String third = community.login("demo", m.email(), PASSWORD).token();
        assertEquals(1, http.post(ME + "/sessions/revoke-others", m.token(), "").json().get("revoked").asInt());
        assertEquals(401, http.get(ME, third).status(), "the others are signed out");
        assertEquals(200, http.get(ME, m.token()).status(), "not this one");
    }

    private Http.Response register(String email, String pseudonym) {
        return http.post("/api/v1/auth/register", null,
            Http.json("brand", "demo", "email", email, "password", PASSWORD, "pseudonym", pseudonym));
    }

    private Http.Response login(String email, String password) {
        return http.post("/api/v1/auth/login", null, Http.json("brand", "demo", "email", email, "password", password));
    }
}
