package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.entraide.core.internal.demo.DemoSeeder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The main journeys in Debian's headless chromium, as their users click through them, with the axe-core
 * accessibility rules (WCAG 2.1 A and AA) run on every page they see. Screenshots of the pages, at desktop and
 * phone width, go to target/screenshots (docs/screenshots holds the published ones). Skipped when chromium is
 * absent outside CI; .ci/run installs it.
 */
class BrowserJourneyTest extends BrowserTestBase {
    private static final Path SHOTS = Path.of("target/screenshots");

    BrowserJourneyTest() {
        super(Db.H2);
    }

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Chromium.available() || System.getenv("CI") != null, "no /usr/bin/chromium");
        Plugins.localManagers(server);
        Plugins.moderation(server);
        Plugins.reputation(server);
        Plugins.badges(server);
        Plugins.notifications(server);
        features("{\"local-managers\":true,\"moderation\":false,\"reputation\":true,\"badges\":true,\"notifications\":true}");
        openBrowser();
        Files.createDirectories(SHOTS);
    }

    private void features(String json) {
        var r = community.http().put("/api/v1/brands/demo/features", community.demo("admin").token(), json);
        assertEquals(200, r.status(), r.toString());
    }

    private void shoot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + "-desktop.png"), browser.screenshot(1280, 900, false));
        Files.write(SHOTS.resolve(name + "-phone.png"), browser.screenshot(390, 844, true));
    }

    @Test
    void aCustomerAsksAContributorAnswersAndTheAnswerIsAccepted() throws Exception {
        String asker = "ask" + UUID.randomUUID().toString().substring(0, 6);
        browser.open(server.base() + "/b/demo");
        checkPage("home");
        browser.open(server.base() + "/b/demo/register");
        checkPage("registration");
        browser.fill("#f-email", asker + "@example.com");
        browser.fill("#f-pseudonym", asker);
        browser.fill("#f-password", "a-long-password");
        browser.click("main form button[type=submit]");
        assertTrue(browser.text("main").contains("Check your e-mail"), "the address is confirmed first: " + browser.text("main"));
        checkPage("registration sent");
        browser.open(server.base() + "/b/demo/verify-email?token="
            + server.mailbox().lastToken(asker + "@example.com", "account-verify-", "verify-email"));
        assertTrue(browser.text("main").contains("confirmed"), browser.text("main"));
        checkPage("address confirmed");
        signIn(asker + "@example.com", "a-long-password");
        assertEquals("/b/demo", browser.url());
        assertTrue(browser.text("header").contains(asker), browser.text("header"));

        browser.click("a[href='/b/demo/ask']");
        checkPage("ask");
        browser.fill("#f-title", "Which screws for a pine bookcase?");
        browser.fill("#f-body", "18 mm");
        browser.eval("document.getElementById('f-body').select()");
        browser.eval("document.querySelector('.toolbar .tool-bold').click()");
        assertEquals("**18 mm**", browser.eval("document.getElementById('f-body').value").asText(), "the toolbar's bold button");
        browser.fill("#f-body", "The boards are **18 mm** thick.");
        browser.click("button[value=preview]");
        assertTrue(browser.html().contains("<strong>18 mm</strong>"), "the preview renders the Markdown");
        checkPage("ask with preview");
        shoot("ask");
        browser.click("button[value=publish]");
        String question = browser.url();
        assertTrue(question.matches("/b/demo/questions/[0-9]+"), question);

        signIn("lucas@demo.example", DemoSeeder.PASSWORD);
        browser.open(server.base() + question);
        browser.fill("#f-body", "Use 4 x 40 mm wood screws, and *pre-drill*.");
        browser.click("button[value=publish]");
        assertTrue(browser.text("#answers-h").endsWith("1"), browser.text("#answers-h"));
        checkPage("question with an answer");

        signIn(asker + "@example.com", "a-long-password");
        browser.open(server.base() + question);
        browser.click(".answer form.inline button[type=submit]");
        assertTrue(browser.eval("document.querySelector('.answer.accepted') !== null").asBoolean(), "the answer is accepted");
        assertTrue(browser.text(".answer.accepted .meta").contains("Accepted answer"));
        checkPage("question with an accepted answer");
        shoot("question");

        // a comment on the answer, its @mention completed from the brand's members as it is typed
        browser.eval("document.querySelector('.answer .comment-add').open = true");
        browser.fill(".answer .comment-add textarea", "Thanks @luc");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.eval(
            "document.querySelector('.answer .mention-suggestions button') !== null").asBoolean());
        browser.eval("document.querySelector('.answer .mention-suggestions button').click()");
        String typed = browser.eval("document.querySelector('.answer .comment-add textarea').value").asText();
        assertTrue(typed.matches("Thanks @[Ll]ucas\\S* "), "the mention is completed: " + typed);
        browser.click(".answer .comment-add button[type=submit]");
        assertTrue(browser.html().contains("/b/demo/users/"), "the comment shows, its mention a link");
        assertTrue(browser.text(".answer .comments").contains("Thanks @"), browser.text(".answer .comments"));
        checkPage("question with a comment");
        assertEquals(List.of(), violations);
    }

    @Test
    void aVisitorSearchesBrowsesATopicAndPagesAndAComplainantFindsTheirComplaints() throws Exception {
        org.entraide.search.internal.SearchPlugin search = org.entraide.search.internal.SearchPluginForTests.install(server);
        try {
            features("{\"search\":true}");
            var asker = community.join("demo");
            String tag = "lot" + UUID.randomUUID().toString().substring(0, 6);
            long drill = community.ask(asker, "demo", "Quelle perceuse pour du béton armé ?", "Mon mur de garage est dur.",
                "bricolage", List.of(tag)).json().get("id").asLong();
            for (int i = 1; i <= 20; i++) {
                assertEquals(201, community.ask(asker, "demo", "Question de rangement numéro " + i + " pour l'atelier",
                    "Des étagères, des bacs ou des crochets ?", "bricolage", List.of(tag)).status());
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> community.http()
                .get("/api/v1/brands/demo/search?q=perceuses", null).json().toString().contains("\"id\":" + drill));

            browser.open(server.base() + "/b/demo?lang=fr");
            browser.fill("#q", "perceuses beton");
            browser.click("form[role=search] button[type=submit]");
            assertTrue(browser.url().startsWith("/b/demo/search"), browser.url());
            assertTrue(browser.html().contains("<mark>perceuse</mark>"), "the plural and the missing accent find it");
            checkPage("search results");
            shoot("search");

            browser.click("a[href='/b/demo/questions/" + drill + "']");
            browser.click("a.topic[href='/b/demo/topics/bricolage']");
            assertEquals("/b/demo/topics/bricolage", browser.url());
            assertTrue(browser.text("main").contains("Question de rangement numéro 20 pour l'atelier"), "newest first: "
                + browser.text("main"));
            checkPage("topic page");

            browser.open(server.base() + "/b/demo/tags/" + tag + "?lang=en");
            checkPage("tag page");
            browser.open(server.base() + "/b/demo/questions?tag=" + tag + "&lang=en");
            assertFalse(browser.text("main").contains("Quelle perceuse"), "the oldest is not on the first page");
            browser.click("nav.pager a[rel=next]");
            assertTrue(browser.url().contains("page=2"), browser.url());
            assertTrue(browser.text("main").contains("Quelle perceuse pour du béton armé ?"), browser.text("main"));
            checkPage("second page of a list");

            var complainant = community.join("demo");
            long complaint = community.complaintId(complainant, "LYON-PARTDIEU", false);
            signIn(complainant.email(), "long-enough-password");
            browser.click("header a[href='/b/demo/me/complaints']");
            assertTrue(browser.html().contains("/b/demo/complaints/" + complaint), "my complaint is listed: " + browser.text("main"));
            checkPage("my complaints");
            browser.open(server.base() + "/b/demo/me");
            checkPage("my space");
            assertEquals(List.of(), violations);
        } finally {
            search.close();
        }
    }

    /** The check itself: a control without a label, and text too pale to read, are reported. */
    @Test
    void theAccessibilityCheckReportsWhatItShould() throws Exception {
        browser.open(server.base() + "/b/demo");
        // the style is set through the DOM: the page's CSP refuses inline style attributes
        browser.eval("(() => { const m = document.querySelector('main'); m.insertAdjacentHTML('beforeend', "
            + "'<input id=unlabelled type=text><p id=pale>pale text</p>'); document.getElementById('pale').style.color = '#ccc'; })()");
        List<String> found = browser.accessibilityViolations();
        assertTrue(found.stream().anyMatch(v -> v.startsWith("label ")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.startsWith("color-contrast ")), found.toString());
    }

    @Test
    void aMemberWhoForgotTheirPasswordChoosesANewOneFromTheEmailAndIsSignedIn() throws Exception {
        String name = "lost" + UUID.randomUUID().toString().substring(0, 6);
        String email = name + "@example.com";
        community.http().post("/api/v1/auth/register", null, org.entraide.core.internal.support.Http.json("brand", "demo",
            "email", email, "password", "a-long-password", "pseudonym", name));
        browser.clearCookies();
        browser.open(server.base() + "/b/demo/login");
        browser.click("a[href='/b/demo/forgot-password']");
        checkPage("forgot password");
        browser.fill("#f-email", email);
        browser.click("main form button[type=submit]");
        assertTrue(browser.text("main").contains("30 minutes"), browser.text("main"));
        checkPage("reset link sent");
        String token = server.mailbox().lastToken(email, "account-reset-", "reset-password");
        browser.open(server.base() + "/b/demo/reset-password?token=" + token);
        checkPage("new password");
        browser.fill("#f-password", "a-fresh-passphrase");
        browser.click("main form button[type=submit]");
        assertTrue(browser.text("main").contains("Sign in with your new password"), browser.text("main"));
        signIn(email, "a-fresh-passphrase");
        assertEquals("/b/demo", browser.url(), "signed in with the new password");
        assertTrue(browser.text("header").contains(name), browser.text("header"));
        browser.click("header a[href='/b/demo/me/account']");
        checkPage("my account");
        assertTrue(browser.text("main").contains("Chrome, Linux (this device)"), "the device, named: " + browser.text("main"));
        shoot("account");
    }

    @Test
    void aMembersDraftSurvivesAClosedPageAndAnotherDeviceThenTheyEditTheirPostAndSeeItsHistory() throws Exception {
        String name = "writer" + UUID.randomUUID().toString().substring(0, 6);
        String email = name + "@example.com";
        community.http().post("/api/v1/auth/register", null, org.entraide.core.internal.support.Http.json("brand", "demo",
            "email", email, "password", "a-long-password", "pseudonym", name));
        String token = community.http().post("/api/v1/auth/login", null, org.entraide.core.internal.support.Http.json("brand",
            "demo", "email", email, "password", "a-long-password")).json().get("token").asText();
        signIn(email, "a-long-password");
        browser.open(server.base() + "/b/demo/ask");
        browser.fill("#f-title", "Which anchors hold in hollow brick");
        browser.fill("#f-body", "I am hanging shelves on a hollow brick wall and");
        // the script saves to the server a moment after the typing stops
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            community.http().get("/api/v1/brands/demo/me/drafts/question", token).status() == 200);
        // the page says so once the save's answer is back, which may be after the server stored it: wait for the
        // indicator before leaving the page, so the member is told and no save is still under way
        Awaitility.await("the member is told").atMost(Duration.ofSeconds(10)).until(() ->
            browser.text("form[data-draft] .draft-status").contains("Draft saved"));

        browser.clearCookies();
        browser.eval("localStorage.clear()");
        signIn(email, "a-long-password");
        browser.open(server.base() + "/b/demo/ask");
        checkPage("ask with a draft");
        assertEquals("Which anchors hold in hollow brick", browser.eval("document.querySelector('#f-title').value").asText(),
            "put back from the server on another device");
        assertTrue(browser.text("main").contains("Here is the draft you saved"), browser.text("main"));
        browser.fill("#f-body", "I am hanging shelves on a hollow brick wall and the plugs spin.");
        browser.click("main form button[value=publish]");
        if (browser.url().endsWith("/ask")) {
            // similar questions were proposed first: confirm
            browser.click("main form button[value=publish]");
        }
        assertTrue(browser.url().startsWith("/b/demo/questions/"), browser.url());
        assertEquals(404, community.http().get("/api/v1/brands/demo/me/drafts/question", token).status(), "dropped once sent");
        assertEquals("null", browser.eval("String(localStorage.getItem('entraide-draft:demo:question'))").asText(),
            "and from the browser");

        browser.click("main a[href*='/edit?question=']");
        checkPage("edit my question");
        browser.fill("#f-body", "I am hanging shelves on a hollow brick wall and the plastic plugs spin in the holes.");
        browser.click("main form button[type=submit]");
        browser.click("main .edited a");
        checkPage("history");
        String history = browser.text("main");
        assertTrue(history.contains("+ I am hanging shelves on a hollow brick wall and the plastic plugs spin in the holes."),
            "the change, as a line added: " + history);
        assertTrue(history.contains("- I am hanging shelves on a hollow brick wall and the plugs spin."), "and removed: " + history);
    }

    @Test
    void aMemberDownloadsTheirDataThenClosesTheirAccount() throws Exception {
        String name = verifiedMember("leaving");
        String email = name + "@example.com";
        signIn(email, "a-long-password");
        browser.open(server.base() + "/b/demo/me/account");
        browser.click("form[action='/b/demo/me/account/export'] button[type=submit]");
        assertTrue(browser.text("main").contains("Your copy is being prepared"), browser.text("main"));
        server.core.exports.runDue(10);
        // the export timer may hold the row: its lock is released when the archive is committed
        server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.list(c, "SELECT id FROM privacy_export WHERE state = 'PENDING' "
            + "FOR UPDATE", rs -> rs.getLong(1)));
        server.core.exports.runDue(10);
        browser.open(server.base() + "/b/demo/me/account#data");
        checkPage("my data");
        assertTrue(browser.text("#data").contains("Ready"), browser.text("#data"));
        shoot("account-data");
        browser.fill("#f-closePassword", "a-long-password");
        browser.check("#f-confirm");
        browser.click("form[action='/b/demo/me/account/close'] button[type=submit]");
        assertTrue(browser.text("main").contains("Your account is closed"), browser.text("main"));
        checkPage("account closed");
        assertEquals(List.of(), violations);
    }

    @Test
    void aComplaintIsFiledAnsweredByTheStoreAndMarkedResolved() throws Exception {
        String customer = verifiedMember("cust");
        signIn(customer + "@example.com", "a-long-password");
        browser.click("a[href='/b/demo/complaints/new']");
        browser.fill("#store-q", "Lyon");
        browser.click("form[role=search] button[type=submit]");
        checkPage("complaint form with stores");
        browser.check("#store-LYON-PARTDIEU");
        browser.fill("#f-title", "Drill returned without a refund");
        browser.fill("#f-body", "I brought the drill back on Monday; no refund yet.");
        shoot("complaint-form");
        browser.click("main form.form button[type=submit]");
        String page = browser.url();
        assertTrue(page.matches("/b/demo/complaints/[0-9]+"), page);
        assertTrue(browser.text(".complaint .meta").contains("Received"), browser.text(".complaint .meta"));
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        String managerToken = community.demo("manager").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> community.http()
            .get("/api/v1/brands/demo/managers/me/complaints", managerToken).json().toString().contains("\"complaintId\":" + id));

        signIn("manager@demo.example", DemoSeeder.PASSWORD);
        browser.click("a[href='/b/demo/manager']");
        checkPage("manager inbox");
        shoot("manager-inbox");
        browser.click("a[href='/b/demo/manager/complaints/" + id + "']");
        checkPage("manager workspace");
        browser.fill("#f-body", "The refund left today; sorry for the wait.");
        browser.click("form[action$='/response'] button[type=submit]");
        assertTrue(browser.text("main").contains("Your response is published."), browser.text("main"));

        // the complainant hears of it: the bell on every page counts it, and leads to the complaint
        String customerToken = community.login("demo", customer + "@example.com", "a-long-password").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> community.http()
            .get("/api/v1/brands/demo/me/notifications/count", customerToken).json().path("unread").asLong() >= 2);
        // and beside it, on every page, the store's private question not read yet, which leads to their complaints
        assertEquals(201, community.http().post("/api/v1/brands/demo/complaints/" + id + "/messages", managerToken,
            org.entraide.core.internal.support.Http.json("body", "Could you send us the receipt?")).status());
        signIn(customer + "@example.com", "a-long-password");
        assertTrue(Integer.parseInt(browser.text("a.bell .count")) >= 2, browser.text("header"));
        assertEquals("1 new message", browser.text("header a.messages"), browser.text("header"));
        browser.click("header a.messages");
        assertEquals("/b/demo/me/complaints", browser.url());
        checkPage("my complaints with an unread message");
        browser.click("a[href='/b/demo/complaints/" + id + "']");
        assertTrue(browser.text("main").contains("Could you send us the receipt?"), browser.text("main"));
        assertFalse(browser.text("header").contains("new message"), "read: the header's total is gone: " + browser.text("header"));
        browser.click("a.bell");
        checkPage("notifications");
        shoot("notifications");
        assertTrue(browser.text("main").contains("The store answered your complaint"), browser.text("main"));
        browser.click("ul.notifications li.unread a");
        assertEquals(page, browser.url().replaceAll("[?#].*", ""));
        browser.open(server.base() + page + "?lang=fr");
        assertTrue(browser.text(".answer.official").contains("Réponse officielle"), browser.text(".answer.official"));
        checkPage("complaint with a response");
        browser.check("#resolved-yes");
        browser.eval("document.querySelector('#f-rating').value = '8'");
        browser.check("#again-yes");
        browser.click("form[action$='/resolution'] button[type=submit]");
        assertTrue(browser.text(".complaint .meta").contains("Résolue"), browser.text(".complaint .meta"));
        checkPage("resolved complaint");
        shoot("complaint");
        assertEquals(List.of(), violations);
    }

    /** The status and type of a picture the page shows, fetched as the browser would with the visitor's cookies. */
    private String picture(String selector) throws Exception {
        return browser.eval("fetch(document.querySelector(" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(selector)
            + ").getAttribute('src')).then(r => r.status + ' ' + r.headers.get('content-type'))").asText();
    }

    @Test
    void aComplaintIsFiledWithAPhotoTheStoreSeesItAndEachPartyGetsTheirRelayAddress() throws Exception {
        Plugins.channels(server);
        features("{\"channels\":true}");
        assertEquals(200, community.http().put("/api/v1/brands/demo/channels/settings", community.demo("admin").token(),
            org.entraide.core.internal.support.Http.json("inboundDomain", "magasins.demo.example")).status());
        Path photo = Files.createTempFile("drill-", ".png");
        Path receipt = Files.createTempFile("receipt-", ".pdf");
        try {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                photo.toFile());
            Files.writeString(receipt, "%PDF-1.7");
            signIn("customer@demo.example", DemoSeeder.PASSWORD);
            browser.open(server.base() + "/b/demo/complaints/new?store=LYON-PARTDIEU");
            checkPage("complaint form with pictures");
            browser.fill("#f-title", "Drill case cracked on arrival");
            browser.fill("#f-body", "The case was cracked when I opened the box; photo and receipt attached.");
            browser.upload("#f-images", photo, receipt);
            browser.click("main form.form button[value=publish]");
            String url = browser.url();
            assertTrue(url.matches("/b/demo/complaints/[0-9]+\\?refused=.*"), url);
            String refused = browser.text("#refused-files");
            assertTrue(refused.contains(receipt.getFileName().toString()) && refused.contains("Send a PNG, JPEG or WebP picture"), refused);
            assertEquals(1, browser.eval("document.querySelectorAll('ul.attachments img').length").asInt(), "the photo is attached");
            assertEquals("200 image/jpeg", picture("ul.attachments img"));
            String storeSide = browser.text(".relay .relay-address");
            assertTrue(storeSide.endsWith("@magasins.demo.example") && browser.text(".relay").contains("Write by e-mail"),
                browser.text("main"));
            assertEquals("mailto:" + storeSide, browser.eval("document.querySelector('.relay a').getAttribute('href')").asText());
            checkPage("complaint with a photo, a refused file and the relay");
            shoot("complaint-photo");
            long id = Long.parseLong(url.replaceAll("\\?.*", "").substring(url.lastIndexOf('/') + 1));

            signIn("manager@demo.example", DemoSeeder.PASSWORD);
            browser.open(server.base() + "/b/demo/manager/complaints/" + id);
            assertEquals(1, browser.eval("document.querySelectorAll('ul.attachments img').length").asInt(), browser.text("main"));
            assertEquals("200 image/jpeg", picture("ul.attachments img"));
            checkPage("manager workspace with a photo");
            shoot("manager-photo");
            browser.open(server.base() + "/b/demo/complaints/" + id + "?lang=fr");
            String customerSide = browser.text(".relay .relay-address");
            assertTrue(customerSide.endsWith("@magasins.demo.example") && !customerSide.equals(storeSide), customerSide);
            assertTrue(browser.text(".relay h2").contains("\u00c9crire par e-mail"), browser.text(".relay"));
            checkPage("complaint seen by the store's manager");

            signIn("lucas@demo.example", DemoSeeder.PASSWORD);
            browser.open(server.base() + "/b/demo/complaints/" + id);
            assertTrue(browser.eval("document.querySelector('.relay') === null && document.querySelector('ul.attachments') === null")
                .asBoolean(), "another member sees neither: " + browser.text("main"));
            assertEquals(List.of(), violations);
        } finally {
            Files.deleteIfExists(photo);
            Files.deleteIfExists(receipt);
        }
    }

    @Test
    void aModeratorHoldsAPostAndThenApprovesIt() throws Exception {
        features("{\"moderation\":true}");
        String author = "mod" + UUID.randomUUID().toString().substring(0, 6);
        community.http().post("/api/v1/auth/register", null, org.entraide.core.internal.support.Http.json("brand", "demo",
            "email", author + "@example.com", "password", "a-long-password", "pseudonym", author));
        signIn(author + "@example.com", "a-long-password");
        browser.open(server.base() + "/b/demo/ask");
        browser.fill("#f-title", "Un vendeur odieux à Lyon");
        browser.fill("#f-body", "Ce vendeur est un connard.");
        browser.click("button[value=publish]");
        String question = browser.url();
        assertTrue(browser.text("main").contains("Awaiting moderation"), browser.text("main"));

        String moderatorToken = community.demo("moderator").token();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> community.http()
            .get("/api/v1/brands/demo/moderation/queue?status=OPEN", moderatorToken).json().path("items").size() == 1);
        signIn("moderator@demo.example", DemoSeeder.PASSWORD);
        browser.click("a[href='/b/demo/moderation']");
        checkPage("moderation queue");
        shoot("moderation");
        assertTrue(browser.text("#queue-h").endsWith("1"), browser.text("#queue-h"));
        browser.click("form[action$='/claim'] button[type=submit]");
        browser.click("form[action$='/decision'] input[value=approve] ~ button");
        assertTrue(browser.text("main").contains("Approved and published."), browser.text("main"));
        browser.clearCookies();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.open(server.base() + question);
            return browser.text("h1").equals("Un vendeur odieux à Lyon");
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void anAdminEnablesACapability() throws Exception {
        signIn("admin@demo.example", DemoSeeder.PASSWORD);
        browser.click("a[href='/b/demo/admin']");
        checkPage("administration");
        shoot("admin");
        assertTrue(!browser.eval("document.getElementById('feature-moderation').checked").asBoolean(), "moderation starts off");
        browser.check("#feature-moderation");
        browser.click("form[action$='/admin/features'] button[type=submit]");
        assertTrue(browser.text("main").contains("The capabilities are saved."), browser.text("main"));
        assertTrue(browser.eval("document.getElementById('feature-moderation').checked").asBoolean());
        assertTrue(community.http().get("/api/v1/brands/demo/features", null).json().toString()
            .contains("\"name\":\"moderation\",\"description\"") );
        assertTrue(browser.eval("document.querySelector('a[href=\"/b/demo/moderation\"]') !== null").asBoolean(),
            "the moderation console is one click away");
        checkPage("administration saved");
        browser.click("a[href='/b/demo/admin/dashboard']");
        assertTrue(browser.text("h1").contains("dashboard"), browser.text("h1"));
        checkPage("central team dashboard");
        shoot("dashboard");
        assertEquals(List.of(), violations);
    }

    /** The brand's admin turns single sign-on on in the console; a customer then signs in with the brand's provider. */
    @Test
    void anAdminTurnsSingleSignOnOnAndACustomerSignsInWithTheBrandsProvider() throws Exception {
        try (org.entraide.core.internal.support.OidcTestProvider provider = new org.entraide.core.internal.support.OidcTestProvider()) {
            // the provider sends the browser back to the public base URL: here, this test's server
            server.core.accountMails.setBaseUrl(server.base());
            String name = "Club" + UUID.randomUUID().toString().substring(0, 6);
            provider.user = new org.entraide.core.internal.support.OidcTestProvider.User("journey-" + name,
                name.toLowerCase() + "@club.example", true, name);
            signIn("admin@demo.example", DemoSeeder.PASSWORD);
            browser.click("a[href='/b/demo/admin']");
            browser.check("#f-ssoEnabled");
            browser.fill("#f-issuer", provider.issuer());
            browser.fill("#f-clientId", org.entraide.core.internal.support.OidcTestProvider.CLIENT_ID);
            browser.fill("#f-clientSecret", org.entraide.core.internal.support.OidcTestProvider.CLIENT_SECRET);
            browser.fill("#f-buttonLabel", "Demo Club");
            browser.click("form[action$='/admin/sso'] button[type=submit]");
            assertTrue(browser.text("main").contains("Single sign-on is saved."), browser.text("main"));
            checkPage("administration, single sign-on saved");
            browser.clearCookies();
            browser.open(server.base() + "/b/demo/login");
            checkPage("sign-in with single sign-on");
            shoot("sign-in-sso");
            browser.click("a[href='/b/demo/sso/start']");
            assertEquals("/b/demo", browser.url(), "back from the provider, signed in");
            assertTrue(browser.text("header").contains(name), browser.text("header"));
            assertEquals(List.of(), violations);
        }
    }

    /** The other public pages: rankings, a store, the leaderboard, a profile, in both languages. */
    @Test
    void thePublicPagesPassTheAccessibilityRules() throws Exception {
        long lucas = community.demo("lucas").id();
        for (String lang : List.of("en", "fr")) {
            for (String page : List.of("/b/demo/rankings", "/b/demo/stores/LYON-PARTDIEU", "/b/demo/leaderboard",
                "/b/demo/users/" + lucas)) {
                browser.open(server.base() + page + "?lang=" + lang);
                assertTrue(!browser.text("h1").isBlank(), page);
                checkPage(lang);
            }
        }
        browser.open(server.base() + "/b/demo/rankings?lang=en");
        shoot("ranking");
        browser.open(server.base() + "/b/demo/users/" + lucas + "?lang=en");
        shoot("profile");
        assertEquals(List.of(), violations);
    }
}
