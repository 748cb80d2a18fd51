package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.entraide.core.internal.support.OidcTestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Single sign-on through the pages, against the OpenID Connect provider running in the test: the admin console
 * configures it, the sign-in page offers the button, the browser goes to the provider and back, and a callback
 * link from another browser's sign-in does not sign this one in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SsoPageScenarios extends WebTestBase {
    private static final String ADMIN_PASSWORD = "brand-admin-password";
    private OidcTestProvider provider;

    SsoPageScenarios(Db db) {
        super(db);
    }

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

    private Browser browser() {
        return new Browser(server.base());
    }

    /** A brand whose admin configured single sign-on from the console; returns its slug. */
    private String brandWithSso(boolean passwordLoginOff) {
        String slug = "sso" + UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin@" + slug + ".example";
        server.core.administration.createBrand(slug, "Brand " + slug, adminEmail, ADMIN_PASSWORD, "Boss-" + slug);
        Browser admin = browser();
        assertEquals(303, admin.submit("/b/" + slug + "/login", "/b/" + slug + "/login", Map.of("email", adminEmail,
            "password", ADMIN_PASSWORD)).statusCode());
        HttpResponse<String> console = admin.get("/b/" + slug + "/admin");
        assertTrue(console.body().contains("/b/" + slug + "/admin/sso"), "the console has the section");
        Map<String, String> form = new java.util.HashMap<>(Map.of("ssoEnabled", "on", "issuer", provider.issuer(),
            "clientId", OidcTestProvider.CLIENT_ID, "clientSecret", OidcTestProvider.CLIENT_SECRET, "buttonLabel", "Club Card"));
        if (passwordLoginOff) {
            form.put("passwordLoginOff", "on");
        }
        HttpResponse<String> saved = admin.post("/b/" + slug + "/admin/sso", form);
        assertEquals(303, saved.statusCode(), saved.body());
        HttpResponse<String> after = admin.get("/b/" + slug + "/admin?done=sso");
        assertTrue(after.body().contains("Single sign-on is saved."), "said");
        assertFalse(after.body().contains(OidcTestProvider.CLIENT_SECRET), "the secret is never shown again");
        return slug;
    }

    /** Starts a sign-in in that browser and visits the provider: the callback's path and query on this server. */
    private String toProviderAndBack(Browser b, String slug) {
        HttpResponse<String> start = b.get("/b/" + slug + "/sso/start");
        assertEquals(303, start.statusCode(), start.body());
        String url = start.headers().firstValue("Location").orElseThrow();
        assertTrue(url.startsWith(provider.issuer() + "/authorize?"), url);
        String cookie = Browser.setCookies(start).stream().filter(c -> c.startsWith(SsoPages.COOKIE + "=")).findFirst()
            .orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/b/" + slug + "/sso"),
            cookie);
        HttpResponse<String> approved = b.send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertEquals(302, approved.statusCode(), approved.body());
        URI back = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertEquals("/b/" + slug + "/sso/callback", back.getPath());
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    @Test
    void aCustomerSignsInWithTheBrandsProviderFromTheSignInPage() {
        String slug = brandWithSso(false);
        provider.fault = OidcTestProvider.Fault.NONE;
        provider.user = new OidcTestProvider.User("web-" + slug, "shopper@" + slug + ".example", true, "Shopper");
        Browser b = browser();
        HttpResponse<String> login = b.get("/b/" + slug + "/login");
        assertTrue(login.body().contains("<a href=\"/b/" + slug + "/sso/start\"><strong>Sign in with Club Card</strong></a>"),
            login.body());
        HttpResponse<String> in = b.get(toProviderAndBack(b, slug));
        assertEquals(303, in.statusCode(), in.body());
        assertEquals("/b/" + slug, in.headers().firstValue("Location").orElseThrow());
        assertTrue(Browser.setCookies(in).stream().anyMatch(c -> c.startsWith("entraide_session=") && !c.startsWith(
            "entraide_session=;")), "signed in");
        HttpResponse<String> account = b.get("/b/" + slug + "/me/account");
        assertEquals(200, account.statusCode());
        assertTrue(account.body().contains("shopper@" + slug + ".example"), "the provider's address is the account's");
    }

    @Test
    void aCallbackLinkFromAnotherBrowserSignsNobodyInAndRefusalsAreExplained() {
        String slug = brandWithSso(false);
        provider.fault = OidcTestProvider.Fault.NONE;
        provider.user = new OidcTestProvider.User("attacker-" + slug, "attacker@" + slug + ".example", true, "Attacker");
        String attackersLink = toProviderAndBack(browser(), slug);
        Browser victim = browser();
        HttpResponse<String> r = victim.get(attackersLink);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("This sign-in expired or was already used."), r.body());
        assertNull(victim.cookie("entraide_session"), "no session in the victim's browser");

        provider.fault = OidcTestProvider.Fault.FORGED_SIGNATURE;
        Browser b = browser();
        HttpResponse<String> forged = b.get(toProviderAndBack(b, slug));
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("The sign-in could not be completed"), forged.body());
        assertNull(b.cookie("entraide_session"), "no session from a forged ID token");
        provider.fault = OidcTestProvider.Fault.NONE;
    }

    @Test
    void withPasswordLoginOffTheFormTellsMembersToUseTheButton() {
        String slug = brandWithSso(true);
        String email = "member@" + slug + ".example";
        server.core.accounts.register(slug, email, "a-long-password", "Member-" + slug.substring(3));
        Browser b = browser();
        HttpResponse<String> page = b.get("/b/" + slug + "/login");
        assertTrue(page.body().contains("the password form below is for the community"), page.body());
        HttpResponse<String> r = b.post("/b/" + slug + "/login", Map.of("email", email, "password", "a-long-password"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("use the button above"), r.body());
        assertNull(b.cookie("entraide_session"));
    }
}
