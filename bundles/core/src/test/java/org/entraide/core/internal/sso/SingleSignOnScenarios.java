package org.entraide.core.internal.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.OidcTestProvider;
import org.entraide.core.internal.support.OidcTestProvider.Fault;
import org.entraide.core.internal.support.OidcTestProvider.User;
import org.entraide.core.internal.support.Problems;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real OpenID Connect provider running in the test ({@link OidcTestProvider}), over real HTTP:
 * the API's start, the provider's authorization page (which approves at once and redirects with a code), the API's
 * callback, which exchanges the code with PKCE and checks the ID token with Nimbus.
 */
public abstract class SingleSignOnScenarios extends ApiScenarios {
    private static final String ADMIN_PASSWORD = "brand-admin-password";

    private OidcTestProvider provider;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private String brand;
    private Member admin;

    @BeforeAll
    void startProvider() throws Exception {
        provider = new OidcTestProvider();
    }

    @AfterAll
    void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    /** Each test has a brand of its own, with single sign-on configured by its admin. */
    @BeforeEach
    void brandWithSso() {
        provider.fault = Fault.NONE;
        provider.refusals.clear();
        brand = Community.unique("sso");
        String adminEmail = "admin@" + brand + ".example";
        server.core.administration.createBrand(brand, "SSO " + brand, adminEmail, ADMIN_PASSWORD, "Boss-" + brand);
        admin = community.login(brand, adminEmail, ADMIN_PASSWORD);
        Http.Response put = configure(true, OidcTestProvider.CLIENT_SECRET, true);
        assertEquals(200, put.status(), "the admin configures the provider: " + put);
    }

    private Http.Response configure(boolean enabled, String secret, boolean passwordLogin) {
        return http.put(ssoPath(), admin.token(), Http.json("enabled", enabled, "issuer", provider.issuer(), "clientId",
            OidcTestProvider.CLIENT_ID, "clientSecret", secret, "passwordLoginEnabled", passwordLogin, "buttonLabel",
            "Mon compte Magasin"));
    }

    private String ssoPath() {
        return "/api/v1/brands/" + brand + "/sso";
    }

    /** What the browser brings back from the provider: the callback page's query. */
    private Map<String, String> visitProvider() throws Exception {
        Http.Response start = http.post(ssoPath() + "/start", null, "");
        assertEquals(200, start.status(), "a sign-in starts: " + start);
        String url = start.json().get("authorizationUrl").asText();
        assertTrue(url.startsWith(provider.issuer() + "/authorize?"), "to the provider's discovered endpoint: " + url);
        Map<String, String> asked = OidcTestProvider.query(url);
        assertEquals("S256", asked.get("code_challenge_method"), "PKCE with S256");
        assertEquals("http://localhost:8181/b/" + brand + "/sso/callback", asked.get("redirect_uri"),
            "back to the public base URL's callback page, never to the request's host");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(302, page.statusCode(), "the provider approves and redirects: " + page.body());
        String location = page.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(asked.get("redirect_uri") + "?"), "to the callback: " + location);
        Map<String, String> back = OidcTestProvider.query(location);
        assertEquals(asked.get("state"), back.get("state"), "with the state it was given");
        return back;
    }

    private Http.Response callback(Map<String, String> back) {
        return http.post(ssoPath() + "/callback", null, back.containsKey("error")
            ? Http.json("state", back.get("state"), "error", back.get("error"))
            : Http.json("state", back.get("state"), "code", back.get("code"), "device", "Firefox, Linux"));
    }

    private Http.Response signIn() throws Exception {
        return callback(visitProvider());
    }

    private long count(String sql, Object... args) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, args));
    }

    private long sessionsOfBrand() {
        return count("SELECT COUNT(*) FROM auth_token t JOIN app_user u ON u.id = t.user_id WHERE u.brand_id = "
            + "(SELECT id FROM brand WHERE slug = ?)", brand);
    }

    private long accountsOfBrand() {
        return count("SELECT COUNT(*) FROM app_user WHERE brand_id = (SELECT id FROM brand WHERE slug = ?)", brand);
    }

    @Test
    void aFirstSignInMakesAVerifiedAccountAndTheNextOneFindsItBySubject() throws Exception {
        provider.user = new User("new-" + brand, "Jeanne.Dupont@" + brand + ".example", true, "Jeanne Dupont");
        Http.Response first = signIn();
        assertEquals(200, first.status(), "signed in: " + first + " " + provider.refusals);
        JsonNode me = http.get("/api/v1/brands/" + brand + "/me", first.json().get("token").asText()).json();
        assertEquals("jeanne.dupont@" + brand + ".example", me.get("email").asText(), "the provider's address: " + me);
        assertTrue(me.get("emailVerified").asBoolean(), "verified, as the provider said");
        assertEquals("Jeanne.Dupont", me.get("pseudonym").asText(), "a pseudonym derived from the provider's name");
        assertEquals(1, count("SELECT COUNT(*) FROM sso_link WHERE subject = ?", "new-" + brand), "linked to its subject");

        provider.user = new User("new-" + brand, "changed-" + brand + "@elsewhere.example", true, "Jeanne Dupont");
        Http.Response again = signIn();
        assertEquals(200, again.status(), "signed in again: " + again);
        assertEquals(first.json().get("userId").asLong(), again.json().get("userId").asLong(),
            "the same account, found by subject whatever the address says now");

        provider.user = new User("other-" + brand, "someone-" + brand + "@elsewhere.example", false, "Jeanne Dupont");
        Http.Response other = signIn();
        assertEquals(200, other.status(), "another person: " + other);
        JsonNode them = http.get("/api/v1/brands/" + brand + "/me", other.json().get("token").asText()).json();
        assertEquals("Jeanne.Dupont-2", them.get("pseudonym").asText(), "the pseudonym made unique: " + them);
        assertFalse(them.get("emailVerified").asBoolean(), "an address the provider does not vouch for waits for its link");
    }

    @Test
    void aVerifiedAddressLinksTheExistingAccount() throws Exception {
        Member member = community.join(brand);
        provider.user = new User("existing-" + brand, member.email().toUpperCase(), true, "Whoever");
        Http.Response r = signIn();
        assertEquals(200, r.status(), "signed in: " + r);
        assertEquals(member.id(), r.json().get("userId").asLong(), "into the account that has that address");
        assertEquals(member.pseudonym(), http.get("/api/v1/brands/" + brand + "/me", r.json().get("token").asText()).json()
            .get("pseudonym").asText(), "unchanged");
    }

    @Test
    void anAddressTheProviderDoesNotVouchForLinksNothing() throws Exception {
        Member member = community.join(brand);
        long sessions = sessionsOfBrand();
        for (Boolean verified : new Boolean[] {false, null}) {
            provider.user = new User("squatter-" + brand + verified, member.email(), verified, "Squatter");
            Http.Response r = signIn();
            Problems.assertProblem(409, r, "email_verified " + verified);
            assertTrue(r.json().get("type").asText().endsWith("/sso-email-taken"), "says why: " + r);
        }
        assertEquals(sessions, sessionsOfBrand(), "no session opened");
        assertEquals(0, count("SELECT COUNT(*) FROM sso_link WHERE user_id = ?", member.id()), "no link made");
    }

    @Test
    void forgedExpiredOrMisaddressedIdTokensAndAWrongNonceAreRefused() throws Exception {
        provider.user = new User("victim-" + brand, "victim-" + brand + "@provider.example", true, "Victim");
        long accounts = accountsOfBrand();
        long sessions = sessionsOfBrand();
        for (Fault f : new Fault[] {Fault.FORGED_SIGNATURE, Fault.WRONG_NONCE, Fault.WRONG_AUDIENCE, Fault.EXPIRED,
                Fault.ERROR_AT_AUTHORIZATION}) {
            provider.fault = f;
            Http.Response r = signIn();
            Problems.assertProblem(400, r, f.name());
            assertTrue(r.json().get("type").asText().endsWith("/sso-refused"), f + " is a refused sign-in: " + r);
        }
        assertEquals(accounts, accountsOfBrand(), "no account made");
        assertEquals(sessions, sessionsOfBrand(), "no session opened");
        assertEquals(0, count("SELECT COUNT(*) FROM sso_link WHERE subject = ?", "victim-" + brand), "no link");
        assertTrue(provider.refusals.isEmpty(), "the provider itself refused nothing (PKCE and secret right): "
            + provider.refusals);
        provider.fault = Fault.NONE;
        assertEquals(200, signIn().status(), "the same person with a genuine token");
    }

    @Test
    void aStateWorksOnceOnItsOwnBrandOnly() throws Exception {
        provider.user = new User("replay-" + brand, "replay-" + brand + "@provider.example", true, "Replay");
        Map<String, String> back = visitProvider();
        assertEquals(200, callback(back).status(), "the first callback");
        long sessions = sessionsOfBrand();
        Http.Response replay = callback(back);
        Problems.assertProblem(400, replay, "the same state again");
        assertTrue(replay.json().get("type").asText().endsWith("/sso-state"), "says start again: " + replay);
        Problems.assertProblem(400, http.post(ssoPath() + "/callback", null, Http.json("state", "x".repeat(43), "code", "c")),
            "an unknown state");
        Problems.assertProblem(400, http.post(ssoPath() + "/callback", null, Http.json("state", "short", "code", "c")),
            "a malformed state");
        Map<String, String> other = visitProvider();
        Problems.assertProblem(400, http.post("/api/v1/brands/demo/sso/callback", null,
            Http.json("state", other.get("state"), "code", other.get("code"))), "another brand's state");
        assertEquals(sessions, sessionsOfBrand(), "no session from any of them");
        server.core.db.inTransaction(c -> Sql.update(c, "UPDATE sso_attempt SET expires_at = created_at"));
        Problems.assertProblem(400, callback(other), "an expired state");
    }

    @Test
    void withPasswordLoginOffMembersSignInThroughTheProviderAndAdminsKeepTheirPassword() {
        Member member = community.join(brand);
        Http.Response off = configure(true, null, false);
        assertEquals(200, off.status(), "password login turned off, the secret kept: " + off);
        Http.Response refused = http.post("/api/v1/auth/login", null, Http.json("brand", brand, "email", member.email(),
            "password", "long-enough-password"));
        Problems.assertProblem(403, refused, "a member's password login");
        assertTrue(refused.json().get("type").asText().endsWith("/sso-required"), "says to use single sign-on: " + refused);
        Problems.assertProblem(401, http.post("/api/v1/auth/login", null, Http.json("brand", brand, "email", member.email(),
            "password", "a-wrong-password")), "a wrong password tells nothing more");
        assertEquals(200, http.post("/api/v1/auth/login", null, Http.json("brand", brand, "email", admin.email(),
            "password", ADMIN_PASSWORD)).status(), "the brand's admin keeps a way in");
        JsonNode options = http.get(ssoPath() + "/options", null).json();
        assertEquals("Mon compte Magasin", options.get("buttonLabel").asText(), "the button: " + options);
        assertFalse(options.get("passwordLoginEnabled").asBoolean(), "no password form for members: " + options);
        Problems.assertProblem(400, configure(false, null, false), "password off without single sign-on");
        assertEquals(200, configure(false, null, true).status(), "single sign-on off again");
        assertEquals(200, http.post("/api/v1/auth/login", null, Http.json("brand", brand, "email", member.email(),
            "password", "long-enough-password")).status(), "passwords work again");
        Problems.assertProblem(404, http.post(ssoPath() + "/start", null, ""), "no sign-in through a disabled provider");
    }

    @Test
    void onlyItsAdminsConfigureItTheSecretIsSealedAndABadIssuerStoresNothing() {
        JsonNode view = http.get(ssoPath(), admin.token()).json();
        assertTrue(view.get("clientSecretSet").asBoolean(), "a secret is set: " + view);
        assertFalse(view.toString().contains(OidcTestProvider.CLIENT_SECRET), "never shown: " + view);
        String sealed = server.core.db.inTransaction(c -> Sql.one(c, "SELECT client_secret_sealed FROM brand_sso WHERE "
            + "brand_id = (SELECT id FROM brand WHERE slug = ?)", rs -> rs.getString(1), brand)).orElseThrow();
        assertFalse(sealed.contains(OidcTestProvider.CLIENT_SECRET), "stored encrypted");
        assertThrows(IllegalStateException.class, () -> server.core.ssoSecrets.open(0, sealed),
            "bound to its brand: another brand's row does not open it");

        Member customer = community.join(brand);
        Problems.assertProblem(403, http.put(ssoPath(), customer.token(), Http.json("enabled", false,
            "passwordLoginEnabled", true)), "a customer");
        Problems.assertProblem(403, http.get(ssoPath(), community.demo("admin").token()), "another brand's admin");
        Problems.assertProblem(401, http.get(ssoPath(), null), "a stranger");
        for (String issuer : new String[] {"http://127.0.0.1:1", "http://provider.example", "not a url",
                provider.issuer() + "/elsewhere"}) {
            Http.Response r = http.put(ssoPath(), admin.token(), Http.json("enabled", true, "issuer", issuer, "clientId", "x",
                "clientSecret", "y", "passwordLoginEnabled", true, "buttonLabel", "Z"));
            Problems.assertProblem(400, r, issuer);
            assertEquals("issuer", r.json().at("/errors/0/field").asText(), "names the issuer: " + r);
        }
        assertEquals(view, http.get(ssoPath(), admin.token()).json(), "nothing stored");
        Http.Response off = http.put(ssoPath(), admin.token(), Http.json("enabled", false, "issuer", "http://127.0.0.1:1",
            "clientId", "x", "passwordLoginEnabled", true, "buttonLabel", "Z"));
        assertEquals(200, off.status(), "turned off even while its provider does not answer: " + off);
        Problems.assertProblem(400, http.put(ssoPath(), admin.token(), Http.json("enabled", false, "issuer",
            "http://provider.example", "passwordLoginEnabled", true)), "an address that could never be enabled");
        Problems.assertProblem(400, http.put(ssoPath(), admin.token(), Http.json("enabled", true, "issuer", provider.issuer(),
            "passwordLoginEnabled", true, "buttonLabel", "Z")), "no client id");
    }
}
