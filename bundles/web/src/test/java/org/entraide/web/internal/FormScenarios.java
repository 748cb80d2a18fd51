package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.Test;

/**
 * The pages' forms against the real core on a real database: accounts and sessions, anti-forgery, asking with
 * a preview, answering, voting, accepting, and a complaint from filing to reopening. Subclasses pick the database.
 */
abstract class FormScenarios extends WebTestBase {
    FormScenarios(Db db) {
        super(db);
    }

    private Browser browser() {
        return new Browser(server.base());
    }

    /** A new member, registered through the page, their address confirmed from the e-mail, signed in. */
    private Browser registered(String pseudonym) {
        Browser b = browser();
        String email = pseudonym + "@example.com";
        HttpResponse<String> r = b.submit("/b/demo/register", "/b/demo/register", Map.of("email", email,
            "pseudonym", pseudonym, "password", "a-long-password"));
        assertEquals(200, r.statusCode(), r.body());
        String token = server.mailbox().lastToken(email, "account-verify-", "verify-email");
        HttpResponse<String> verified = b.get("/b/demo/verify-email?token=" + token);
        assertEquals(200, verified.statusCode(), verified.body());
        HttpResponse<String> in = b.submit("/b/demo/login", "/b/demo/login", Map.of("email", email, "password", "a-long-password"));
        assertEquals(303, in.statusCode(), in.body());
        return b;
    }

    private static String pseudonym() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long idFrom(String location, String kind) {
        String tail = location.substring(location.indexOf("/" + kind + "/") + kind.length() + 2);
        return Long.parseLong(tail.replaceAll("[^0-9].*", ""));
    }

    @Test
    void membersPagesSendVisitorsToSignInAndBack() {
        Browser b = browser();
        HttpResponse<String> r = b.get("/b/demo/ask");
        assertEquals(303, r.statusCode());
        assertEquals("/b/demo/login?next=%2Fb%2Fdemo%2Fask", r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> form = b.get("/b/demo/login?next=%2Fb%2Fdemo%2Fask");
        assertEquals(200, form.statusCode());
        String anonymous = Browser.setCookies(form).stream().filter(c -> c.startsWith("entraide_csrf=")).findFirst().orElseThrow();
        assertTrue(anonymous.contains("HttpOnly") && anonymous.contains("SameSite=Strict") && anonymous.contains("Path=/b/demo"), anonymous);
        HttpResponse<String> in = b.post("/b/demo/login", Map.of("email", "customer@demo.example", "password", DemoSeeder.PASSWORD,
            "next", "/b/demo/ask"));
        assertEquals(303, in.statusCode(), in.body());
        assertEquals("/b/demo/ask", in.headers().firstValue("Location").orElseThrow());
        String session = Browser.setCookies(in).stream().filter(c -> c.startsWith("entraide_session=")).findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/b/demo"), session);
        assertFalse(session.contains("Secure"), "plain HTTP: not Secure, or the browser would drop it");
        HttpResponse<String> ask = b.get("/b/demo/ask");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("<strong>Camille</strong></a>"), ask.body());
    }

    @Test
    void signInFailuresAreExplainedAndNextNeverLeavesTheSite() {
        Browser b = browser();
        b.get("/b/demo/login");
        HttpResponse<String> wrong = b.post("/b/demo/login", Map.of("email", "customer@demo.example", "password", "not-the-password"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong e-mail address or password."), wrong.body());
        assertNull(b.cookie(Visit.SESSION), "no session after a failure");
        HttpResponse<String> ok = b.post("/b/demo/login", Map.of("email", "customer@demo.example", "password", DemoSeeder.PASSWORD,
            "next", "https://evil.example/b/demo"));
        assertEquals("/b/demo", ok.headers().firstValue("Location").orElseThrow(), "an outside address is ignored");
        Browser c = browser();
        c.get("/b/demo/login");
        HttpResponse<String> sneaky = c.post("/b/demo/login", Map.of("email", "customer@demo.example", "password", DemoSeeder.PASSWORD,
            "next", "/b/demo/../../admin"));
        assertEquals("/b/demo", sneaky.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void registrationValidatesInTheReadersLanguageAndAnswersAlikeForAnyAddress() {
        Browser b = browser();
        b.get("/b/demo/register");
        HttpResponse<String> bad = b.post("/b/demo/register", Map.of("email", "not-an-address", "pseudonym", "x", "password", "short"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("Enter a valid e-mail address.") && bad.body().contains("The password needs 10 to 128 characters.")
            && bad.body().contains("aria-invalid=\"true\""), bad.body());
        assertTrue(bad.body().contains("value=\"not-an-address\""), "what was typed is kept");
        assertFalse(bad.body().contains("short"), "a password is never sent back");
        String name = pseudonym();
        HttpResponse<String> common = b.post("/b/demo/register", Map.of("email", name + "@example.com", "pseudonym", name,
            "password", "password12"));
        assertEquals(422, common.statusCode(), common.body());
        assertTrue(common.body().contains("This password is too easy to guess"), "a common password is refused, said plainly: "
            + common.body());
        HttpResponse<String> ok = b.post("/b/demo/register", Map.of("email", name + "@example.com", "pseudonym", name,
            "password", "a-long-password"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("Check your e-mail"), "the address is confirmed from the e-mail first: " + ok.body());
        HttpResponse<String> again = browser().submit("/b/demo/register", "/b/demo/register", Map.of("email", name + "@example.com",
            "pseudonym", pseudonym(), "password", "another-long-password"));
        assertEquals(200, again.statusCode(), "an address with an account is answered alike: " + again.body());
        assertTrue(again.body().contains("Check your e-mail"), again.body());
        HttpResponse<String> taken = browser().submit("/b/demo/register", "/b/demo/register", Map.of("email",
            pseudonym() + "@example.com", "pseudonym", name, "password", "a-long-password"));
        assertEquals(409, taken.statusCode());
        assertTrue(taken.body().contains("This pseudonym is taken"), "only a taken pseudonym is said: " + taken.body());
    }

    @Test
    void aForgottenPasswordIsResetFromTheEmailedLinkOnce() {
        String name = pseudonym();
        Browser member = registered(name);
        Browser b = browser();
        b.get("/b/demo/login");
        assertTrue(b.get("/b/demo/login").body().contains("/b/demo/forgot-password"), "the sign-in page links to it");
        b.get("/b/demo/forgot-password");
        HttpResponse<String> sent = b.post("/b/demo/forgot-password", Map.of("email", name + "@example.com"));
        b.get("/b/demo/forgot-password");
        HttpResponse<String> unknown = b.post("/b/demo/forgot-password", Map.of("email", pseudonym() + "@example.com"));
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("If an account uses this address"), sent.body());
        assertEquals(sent.statusCode(), unknown.statusCode(), "an unknown address is answered alike");
        assertTrue(unknown.body().contains("If an account uses this address"), unknown.body());
        String token = server.mailbox().lastToken(name + "@example.com", "account-reset-", "reset-password");
        HttpResponse<String> form = b.get("/b/demo/reset-password?token=" + token);
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> weak = b.post("/b/demo/reset-password", Map.of("token", token, "password", "password12"));
        assertEquals(422, weak.statusCode(), weak.body());
        HttpResponse<String> done = b.post("/b/demo/reset-password", Map.of("token", token, "password", "a-fresh-passphrase"));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("Sign in with your new password"), done.body());
        assertEquals(303, member.get("/b/demo/me/account").statusCode(), "the member's sessions were signed out");
        b.get("/b/demo/reset-password?token=" + token);
        HttpResponse<String> reused = b.post("/b/demo/reset-password", Map.of("token", token, "password", "another-passphrase"));
        assertEquals(400, reused.statusCode(), "a link works once: " + reused.body());
        assertTrue(reused.body().contains("unknown, expired or already used"), reused.body());
        assertEquals(400, b.get("/b/demo/verify-email?token=" + "x".repeat(43)).statusCode(), "an unknown verification link");
    }

    @Test
    void anUnconfirmedAddressKeepsTheComplaintFormUntilItIsConfirmed() {
        String name = pseudonym();
        Browser b = browser();
        b.submit("/b/demo/register", "/b/demo/register", Map.of("email", name + "@example.com", "pseudonym", name,
            "password", "a-long-password"));
        assertEquals(303, b.submit("/b/demo/login", "/b/demo/login", Map.of("email", name + "@example.com",
            "password", "a-long-password")).statusCode(), "an unconfirmed account signs in");
        HttpResponse<String> refused = b.submit("/b/demo/complaints/new", "/b/demo/complaints/new", Map.of("title",
            "Broken on arrival", "body", "The box was crushed.", "storeCode", ""));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Confirm your e-mail address before filing a complaint"), refused.body());
        assertTrue(refused.body().contains("The box was crushed."), "what was typed is kept");
        assertTrue(refused.body().contains("/b/demo/me/email-verification"), "with a way to get a new link");
        b.get("/b/demo/complaints/new");
        HttpResponse<String> resent = b.post("/b/demo/me/email-verification", Map.of());
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals(200, b.get("/b/demo/verify-email?token="
            + server.mailbox().lastToken(name + "@example.com", "account-verify-", "verify-email")).statusCode());
        HttpResponse<String> filed = b.submit("/b/demo/complaints/new", "/b/demo/complaints/new", Map.of("title",
            "Broken on arrival", "body", "The box was crushed.", "storeCode", ""));
        assertEquals(303, filed.statusCode(), "filed once confirmed: " + filed.body());
    }

    @Test
    void theAccountPageChangesTheProfileAndSignsOtherDevicesOut() {
        String name = pseudonym();
        Browser b = registered(name);
        Browser other = browser();
        other.submit("/b/demo/login", "/b/demo/login", Map.of("email", name + "@example.com", "password", "a-long-password"));
        HttpResponse<String> page = b.get("/b/demo/me/account");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(name + "@example.com"), "the member sees their own address");
        assertEquals(2, page.body().split("class=\"session\"", -1).length - 1, "two signed-in devices: " + page.body());
        HttpResponse<String> saved = b.post("/b/demo/me/account/profile", Map.of("pseudonym", name, "bio", "<i>Hi</i>",
            "locale", "en", "timeZone", "Europe/Paris"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("&lt;i&gt;Hi&lt;/i&gt;"), "the bio is plain text, escaped: " + saved.body());
        b.get("/b/demo/me/account");
        HttpResponse<String> badZone = b.post("/b/demo/me/account/profile", Map.of("pseudonym", name, "bio", "",
            "locale", "en", "timeZone", "Nowhere/Land"));
        assertEquals(422, badZone.statusCode(), badZone.body());
        assertTrue(badZone.body().contains("Choose a time zone such as Europe/Paris."), badZone.body());
        b.get("/b/demo/me/account");
        HttpResponse<String> wrong = b.post("/b/demo/me/account/password", Map.of("oldPassword", "not-it", "password",
            "a-fresh-passphrase"));
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("This is not your current password."), wrong.body());
        b.get("/b/demo/me/account");
        HttpResponse<String> out = b.post("/b/demo/me/account/sessions/revoke-others", Map.of());
        assertEquals(303, out.statusCode(), out.body());
        assertEquals(303, other.get("/b/demo/me/account").statusCode(), "the other device is signed out");
        assertEquals(200, b.get("/b/demo/me/account").statusCode(), "this one is not");
    }

    @Test
    void theAccountPageTakesAPictureAsAvatarAndExplainsARefusedFile() throws Exception {
        String name = pseudonym();
        Browser b = registered(name);
        HttpResponse<String> page = b.get("/b/demo/me/account");
        String src = page.body().replaceAll("(?s).*<img class=\"avatar large\" src=\"([^\"?]+)[^\"]*\".*", "$1");
        assertTrue(src.matches("/api/v1/brands/demo/users/[0-9]+/avatar"), "the page shows the avatar: " + src);
        byte[] drawn = avatar(src);

        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg);
        HttpResponse<String> saved = b.postFile("/b/demo/me/account/avatar", "image", "me.jpg", "image/jpeg", jpeg.toByteArray());
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Your new avatar is in place."), saved.body());
        byte[] uploaded = avatar(src);
        assertFalse(java.util.Arrays.equals(drawn, uploaded), "the avatar changed");
        assertEquals(128, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(uploaded)).getWidth(), "redrawn at 128");

        HttpResponse<String> refused = b.postFile("/b/demo/me/account/avatar", "image", "page.png", "image/png",
            "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("This file is not a picture we can read"), refused.body());
        HttpResponse<String> huge = b.postFile("/b/demo/me/account/avatar", "image", "big.png", "image/png", new byte[1_100_000]);
        assertEquals(413, huge.statusCode(), "more than the form takes");
        assertTrue(huge.body().contains("This file was not sent: it is larger than this form accepts (1 MB)."), huge.body());
        assertTrue(java.util.Arrays.equals(uploaded, avatar(src)), "refused files change nothing");

        b.get("/b/demo/me/account");
        HttpResponse<String> forged = new Browser(server.base()).postFile("/b/demo/me/account/avatar", "image", "me.jpg",
            "image/jpeg", jpeg.toByteArray());
        assertTrue(forged.statusCode() == 401 || forged.statusCode() == 403, "not signed in: " + forged.statusCode());
        b.get("/b/demo/me/account");
        assertEquals(200, b.post("/b/demo/me/account/avatar/remove", Map.of()).statusCode());
        assertTrue(java.util.Arrays.equals(drawn, avatar(src)), "back to the drawn avatar");
    }

    @Test
    void draftsAreSavedUnfinishedPutBackOnAnyDeviceAndDroppedOnceSent() {
        String name = pseudonym();
        Browser b = registered(name);
        b.get("/b/demo/ask");
        HttpResponse<String> saved = b.post("/b/demo/ask", Map.of("title", "Dri", "body", "Half a thought about <b>drills</b>",
            "topic", "", "tags", "drill", "storeCode", "", "action", "draft"));
        assertEquals(200, saved.statusCode(), "an unfinished draft is kept as it is: " + saved.body());
        assertTrue(saved.body().contains("Your draft is saved"), saved.body());

        Browser phone = browser();
        phone.submit("/b/demo/login", "/b/demo/login", Map.of("email", name + "@example.com", "password", "a-long-password"));
        HttpResponse<String> back = phone.get("/b/demo/ask");
        assertTrue(back.body().contains("Here is the draft you saved"), back.body());
        assertTrue(back.body().contains("value=\"Dri\""), "the title put back: " + back.body());
        assertTrue(back.body().contains("Half a thought about &lt;b&gt;drills&lt;/b&gt;"), "the body put back, escaped");
        assertTrue(back.body().contains("value=\"drill\""), "the tags too");

        HttpResponse<String> sent = phone.post("/b/demo/ask", Map.of("title", "Which drill for concrete walls?", "body",
            "I need to drill into concrete walls at home.", "topic", "", "tags", "drill", "storeCode", "", "action", "publish",
            "confirmed", "1"));
        assertEquals(303, sent.statusCode(), sent.body());
        HttpResponse<String> empty = b.get("/b/demo/ask");
        assertFalse(empty.body().contains("Here is the draft"), "dropped once sent");
        assertFalse(empty.body().contains("Half a thought"), "nothing put back");

        long question = idFrom(sent.headers().firstValue("Location").orElseThrow(), "questions");
        b.get("/b/demo/questions/" + question);
        // the script's save while typing: a form post without a page in answer
        HttpResponse<String> typed = b.post("/b/demo/me/drafts/answer-" + question, Map.of("body", "Use a hammer drill"));
        assertEquals(204, typed.statusCode(), typed.body());
        HttpResponse<String> page = phone.get("/b/demo/questions/" + question);
        assertTrue(page.body().contains(">Use a hammer drill</textarea>"), "the answer's draft in its form: " + page.body());
        assertTrue(page.body().contains("data-draft-save=\"/b/demo/me/drafts/answer-" + question + "\""), "the script's address");
        assertEquals(404, b.post("/b/demo/me/drafts/Bad_Key", Map.of("body", "x")).statusCode(), "no such form");
        HttpResponse<String> forged = new Browser(server.base()).postRaw("/b/demo/me/drafts/answer-" + question,
            Browser.encode(Map.of("body", "forged")), server.base());
        assertTrue(forged.statusCode() == 401 || forged.statusCode() == 403, "only the signed-in member: " + forged.statusCode());
        b.get("/b/demo/questions/" + question);
        assertEquals(303, b.post("/b/demo/questions/" + question + "/answers", Map.of("body", "Use a hammer drill",
            "action", "publish")).statusCode());
        assertFalse(phone.get("/b/demo/questions/" + question).body().contains(">Use a hammer drill</textarea>"),
            "the answer's draft dropped once sent");
    }

    private byte[] avatar(String path) throws Exception {
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
    }

    @Test
    void theAccountPageDownloadsTheMembersDataAndClosesTheAccountWithItsPassword() {
        String name = pseudonym();
        Browser b = registered(name);
        b.get("/b/demo/me/account");
        HttpResponse<String> asked = b.post("/b/demo/me/account/export", Map.of());
        assertEquals(200, asked.statusCode(), asked.body());
        assertTrue(asked.body().contains("Your copy is being prepared"), asked.body());
        server.core.exports.runDue(10);
        // the export timer may hold the row: its lock is released when the archive is committed
        server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.list(c, "SELECT id FROM privacy_export WHERE state = 'PENDING' "
            + "FOR UPDATE", rs -> rs.getLong(1)));
        server.core.exports.runDue(10);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/b/demo/me/account/exports/[0-9]+")
            .matcher(b.get("/b/demo/me/account").body());
        assertTrue(link.find(), "a download link once the copy is ready");
        HttpResponse<String> file = b.get(link.group());
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), "a file to save");
        assertTrue(file.body().contains(name + "@example.com"), "the member's own data: " + file.body());
        assertEquals(404, registered(pseudonym()).get(link.group()).statusCode(), "another member gets nothing");

        b.get("/b/demo/me/account");
        HttpResponse<String> wrong = b.post("/b/demo/me/account/close", Map.of("closePassword", "not-it", "confirm", "yes"));
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("This is not your current password."), wrong.body());
        b.get("/b/demo/me/account");
        HttpResponse<String> unconfirmed = b.post("/b/demo/me/account/close", Map.of("closePassword", "a-long-password"));
        assertEquals(422, unconfirmed.statusCode(), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("Tick the box to confirm."), unconfirmed.body());
        assertEquals(200, b.get("/b/demo/me/account").statusCode(), "still open");
        HttpResponse<String> closed = b.post("/b/demo/me/account/close", Map.of("closePassword", "a-long-password",
            "confirm", "yes"));
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("Your account is closed"), closed.body());
        assertEquals(303, b.get("/b/demo/me/account").statusCode(), "signed out");
        HttpResponse<String> again = browser().submit("/b/demo/login", "/b/demo/login", Map.of("email", name + "@example.com",
            "password", "a-long-password"));
        assertEquals(401, again.statusCode(), "the closed account cannot sign in any more");
    }

    @Test
    void registrationAsksForTheBrandsTermsWhenItHasSome() {
        long demo = server.core.brands.find("demo").orElseThrow().id();
        server.core.db.inTransaction(c -> {
            server.core.privacyPolicies.set(c, demo, new org.entraide.core.internal.privacy.PrivacyPolicies.Policy(
                "https://demo.example/privacy", "2026-01", "https://demo.example/terms", "7",
                org.entraide.core.internal.privacy.PrivacyPolicies.ErasedPosts.KEEP, 730, 90), java.time.Instant.now());
            return null;
        });
        Browser b = browser();
        HttpResponse<String> form = b.get("/b/demo/register");
        assertTrue(form.body().contains("https://demo.example/terms") && form.body().contains("name=\"terms\"")
            && form.body().contains("https://demo.example/privacy"), "the terms to accept and the notice: " + form.body());
        String name = pseudonym();
        HttpResponse<String> refused = b.submit("/b/demo/register", "/b/demo/register", Map.of("email", name + "@example.com",
            "pseudonym", name, "password", "a-long-password"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Accept the terms of use to register."), refused.body());
        HttpResponse<String> accepted = b.submit("/b/demo/register", "/b/demo/register", Map.of("email", name + "@example.com",
            "pseudonym", name, "password", "a-long-password", "terms", "yes"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(1L, (long) server.core.db.inTransaction(c -> org.entraide.jdbc.Sql.count(c, "SELECT COUNT(*) FROM "
            + "privacy_consent k JOIN app_user u ON u.id = k.user_id WHERE u.email = ? AND k.doc_version = '7'",
            name + "@example.com")), "the accepted version is recorded");
    }

    @Test
    void oneVisitorsFailedSignInsNeverBlockAnotherVisitor() throws Exception {
        // a back-off long enough that a slow machine cannot outwait it, applied without a restart
        server.core.update(org.entraide.core.internal.CoreSettings.defaults().withRates(
            org.entraide.core.internal.ratelimit.RatePolicy.defaults()
                .withBackoff(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(15))));
        int free = org.entraide.core.internal.ratelimit.RatePolicy.defaults().limit("login");
        for (int i = 0; i < free; i++) {
            assertEquals(401, signIn("127.0.0.2", "not-the-password-" + i), "wrong password " + i);
        }
        assertEquals(429, signIn("127.0.0.2", DemoSeeder.PASSWORD), "the guesser's address waits");
        assertEquals(303, signIn("127.0.0.3", DemoSeeder.PASSWORD),
            "the API counts each visitor's own address, not the page server's: the owner signs in");
    }

    /** Posts the sign-in form from a given loopback address, as a browser there would; answers the status. */
    private int signIn(String from, String password) throws Exception {
        String csrf = "c".repeat(32);
        String form = "csrf=" + csrf + "&email=customer%40demo.example&password=" + java.net.URLEncoder.encode(password,
            java.nio.charset.StandardCharsets.UTF_8);
        String request = "POST /b/demo/login HTTP/1.1\r\nHost: 127.0.0.1:" + server.port + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nCookie: " + Visit.ANONYMOUS + "=" + csrf + "\r\n"
            + "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form;
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), server.port,
            java.net.InetAddress.getByName(from), 0)) {
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String head = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Integer.parseInt(head.split(" ", 3)[1]);
        }
    }

    @Test
    void aQuestionAskedFromAStorePageIsAboutThatStore() {
        Browser b = registered(pseudonym());
        String form = b.get("/b/demo/ask?store=LYON-PARTDIEU").body();
        assertTrue(form.contains("<option value=\"LYON-PARTDIEU\" selected>"), "the store is chosen: " + form);
        HttpResponse<String> asked = b.post("/b/demo/ask", Map.of("title", "Click and collect at Part-Dieu?",
            "body", "Where is the pick-up desk?", "storeCode", "LYON-PARTDIEU", "action", "publish"));
        assertEquals(303, asked.statusCode(), asked.body());
        String question = b.get(asked.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(question.contains("href=\"/b/demo/stores/LYON-PARTDIEU\""), "the question names its store: " + question);
    }

    @Test
    void forgedOrForeignFormsAreRefusedAndChangeNothing() {
        Browser b = registered(pseudonym());
        b.get("/b/demo/ask");
        long before = questionCount();
        Map<String, String> fields = Map.of("title", "A question never asked", "body", "Some details", "action", "publish");
        HttpResponse<String> noToken = b.postRaw("/b/demo/ask", Browser.encode(fields), server.base());
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("This form has expired"), noToken.body());
        HttpResponse<String> wrongToken = b.postRaw("/b/demo/ask", Browser.encode(Map.of("title", "A question never asked",
            "body", "Some details", "csrf", "forged-token-value-forged-token-value")), server.base());
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> foreign = b.post("/b/demo/ask", fields);
        assertEquals(303, foreign.statusCode(), "the same form from our page is accepted");
        b.get("/b/demo/ask");
        String token = b.get("/b/demo/ask").body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> otherSite = b.postRaw("/b/demo/ask", Browser.encode(Map.of("title", "From another site",
            "body", "Some details", "action", "publish", "csrf", token)), "https://evil.example");
        assertEquals(403, otherSite.statusCode());
        assertEquals(before + 1, questionCount(), "only the genuine form asked");
        HttpResponse<String> json = b.send(HttpRequest.newBuilder(URI.create(server.base() + "/b/demo/ask"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, json.statusCode());
        assertTrue(json.body().contains("only takes the site&#39;s own forms"), json.body());
        HttpResponse<String> huge = b.post("/b/demo/ask", Map.of("title", "Too long", "body", "x".repeat(200_000)));
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().contains("Nothing was saved: your text is longer than this form accepts.")
            && huge.body().contains("Back button returns to your form"), huge.body());
        HttpResponse<String> shadow = b.send(HttpRequest.newBuilder(URI.create(server.base() + "/b/demo/ask?Cookie=entraide_session%3Dx"))
            .GET());
        assertEquals(200, shadow.statusCode(), "a query parameter named Cookie does not replace the session");
    }

    @Test
    void editAnAnswerSeeItsHistoryThenDeleteIt() {
        Browser asker = registered(pseudonym());
        asker.get("/b/demo/ask");
        HttpResponse<String> published = asker.post("/b/demo/ask", Map.of("title", "How to hang a heavy mirror?",
            "body", "On plasterboard.", "tags", "", "action", "publish"));
        assertEquals(303, published.statusCode(), published.body());
        long id = idFrom(published.headers().firstValue("Location").orElseThrow(), "questions");
        Browser helper = registered(pseudonym());
        helper.get("/b/demo/questions/" + id);
        HttpResponse<String> answered = helper.post("/b/demo/questions/" + id + "/answers",
            Map.of("body", "Use toggle bolts.\nTwo of them.", "action", "publish"));
        long answerId = Long.parseLong(answered.headers().firstValue("Location").orElseThrow().replaceAll(".*#answer-", ""));

        String page = helper.get("/b/demo/questions/" + id).body();
        assertTrue(page.contains("/posts/" + answerId + "/edit"), "the answer's author sees Edit on their answer");
        assertFalse(page.contains("/posts/" + id + "/edit"), "but not on someone else's question");
        HttpResponse<String> form = helper.get("/b/demo/posts/" + answerId + "/edit?question=" + id);
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("Use toggle bolts."), "the form holds the current text");
        HttpResponse<String> saved = helper.post("/b/demo/posts/" + answerId + "/edit", Map.of("question", String.valueOf(id),
            "hasTitle", "0", "body", "Use toggle bolts.\nFour of them, for a heavy mirror."));
        assertEquals(303, saved.statusCode(), saved.body());
        page = helper.get("/b/demo/questions/" + id).body();
        assertTrue(page.contains("Four of them"), "the page shows the new text");
        assertTrue(page.contains("edited just now"), "with its edited label: " + page);

        HttpResponse<String> history = browser().get("/b/demo/posts/" + answerId + "/history?question=" + id);
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().contains("<del>- Two of them.</del>"), "the history shows the removed line: " + history.body());
        assertTrue(history.body().contains("<ins>+ Four of them, for a heavy mirror.</ins>"), "and the added one");

        HttpResponse<String> deleted = helper.post("/b/demo/posts/" + answerId + "/delete", Map.of("question", String.valueOf(id)));
        assertEquals(303, deleted.statusCode(), deleted.body());
        page = browser().get("/b/demo/questions/" + id).body();
        assertTrue(page.contains("Deleted by its author."), "the answer shows as deleted by its author");
        assertFalse(page.contains("Four of them"), "without its text");
    }

    @Test
    void askWithPreviewThenAnswerVoteAcceptAndSignOut() {
        Browser asker = registered(pseudonym());
        asker.get("/b/demo/ask");
        long before = questionCount();
        HttpResponse<String> preview = asker.post("/b/demo/ask", Map.of("title", "Which glue for oak shelves?",
            "body", "Is **wood glue** enough, or <script>alert(1)</script> screws too?", "topic", "", "tags", "bois, colle",
            "action", "preview"));
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("<strong>wood glue</strong>"), preview.body());
        assertFalse(preview.body().contains("<script>alert(1)</script>"), "the preview is sanitized");
        assertTrue(preview.body().contains("value=\"Which glue for oak shelves?\""), "the form keeps the text");
        assertEquals(before, questionCount(), "a preview asks nothing");
        HttpResponse<String> tooShort = asker.post("/b/demo/ask", Map.of("title", "Oak", "body", "", "action", "publish"));
        assertEquals(422, tooShort.statusCode());
        assertTrue(tooShort.body().contains("The title needs 5 to 200 characters."), tooShort.body());
        HttpResponse<String> published = asker.post("/b/demo/ask", Map.of("title", "Which glue for oak shelves?",
            "body", "Is **wood glue** enough?", "tags", "bois, colle", "action", "publish"));
        assertEquals(303, published.statusCode(), published.body());
        long id = idFrom(published.headers().firstValue("Location").orElseThrow(), "questions");
        JsonNode q = community.question(null, "demo", id).json();
        assertEquals("Which glue for oak shelves?", q.get("title").asText());
        assertEquals("bois", q.get("tags").get(0).asText());

        Browser helper = registered(pseudonym());
        helper.get("/b/demo/questions/" + id);
        HttpResponse<String> answerPreview = helper.post("/b/demo/questions/" + id + "/answers",
            Map.of("body", "Use *PVA* glue and clamps.", "action", "preview"));
        assertEquals(200, answerPreview.statusCode());
        assertTrue(answerPreview.body().contains("<em>PVA</em>"));
        HttpResponse<String> answered = helper.post("/b/demo/questions/" + id + "/answers",
            Map.of("body", "Use *PVA* glue and clamps.", "action", "publish"));
        assertEquals(303, answered.statusCode(), answered.body());
        long answerId = Long.parseLong(answered.headers().firstValue("Location").orElseThrow().replaceAll(".*#answer-", ""));
        HttpResponse<String> vote = helper.post("/b/demo/posts/" + id + "/vote", Map.of("value", "1", "question", String.valueOf(id)));
        assertEquals(303, vote.statusCode(), vote.body());
        assertEquals(1, community.question(null, "demo", id).json().get("score").asInt(), "the vote counts");
        String page = helper.get("/b/demo/questions/" + id).body();
        assertTrue(page.contains("aria-pressed=\"true\""), "the vote shows as pressed");
        HttpResponse<String> ownVote = helper.post("/b/demo/posts/" + answerId + "/vote", Map.of("value", "1", "question", String.valueOf(id)));
        assertEquals(403, ownVote.statusCode(), "nobody votes on their own answer");

        String askerPage = asker.get("/b/demo/questions/" + id).body();
        assertTrue(askerPage.contains("Accept this answer"), askerPage);
        assertFalse(page.contains("Accept this answer"), "only the asker may accept");
        HttpResponse<String> accepted = asker.post("/b/demo/questions/" + id + "/accept", Map.of("answerId", String.valueOf(answerId)));
        assertEquals(303, accepted.statusCode(), accepted.body());
        assertEquals(answerId, community.question(null, "demo", id).json().get("acceptedAnswerId").asLong());

        String token = asker.cookie(Visit.SESSION);
        asker.get("/b/demo");
        HttpResponse<String> out = asker.post("/b/demo/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertEquals(401, http.get("/api/v1/brands/demo/me", token).status(), "signing out revokes the token itself");
        assertEquals(303, asker.get("/b/demo/ask").statusCode(), "and the browser is signed out");
    }

    @Test
    void complaintIsFiledFollowedEvaluatedAndReopened() {
        Browser customer = registered(pseudonym());
        HttpResponse<String> search = customer.get("/b/demo/complaints/new?q=lyon");
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("value=\"LYON-PARTDIEU\""), search.body());
        HttpResponse<String> missing = customer.post("/b/demo/complaints/new", Map.of("title", "Hi", "body", " ", "storeCode", "LYON-PARTDIEU"));
        assertEquals(422, missing.statusCode());
        HttpResponse<String> unknown = customer.post("/b/demo/complaints/new", Map.of("title", "Broken drill at delivery",
            "body", "The chuck was cracked.", "storeCode", "NO-SUCH-STORE"));
        assertTrue(unknown.statusCode() >= 400 && unknown.body().contains("Choose a store from the list"), unknown.statusCode() + unknown.body());
        HttpResponse<String> filed = customer.post("/b/demo/complaints/new", Map.of("title", "Broken drill at delivery",
            "body", "The chuck was cracked.", "storeCode", "LYON-PARTDIEU"));
        assertEquals(303, filed.statusCode(), filed.body());
        long id = idFrom(filed.headers().firstValue("Location").orElseThrow(), "complaints");

        String publicPage = browser().get("/b/demo/complaints/" + id).body();
        assertTrue(publicPage.contains("Anonymous customer") && publicPage.contains("Received"), publicPage);
        assertFalse(publicPage.contains("@example.com"), "the complainant's e-mail is never shown");
        assertFalse(publicPage.contains("Did this solve your problem?"), "only the complainant evaluates");

        community.respond(community.demo("manager"), "demo", id, "A new drill waits for you at the desk.");
        String mine = customer.get("/b/demo/complaints/" + id).body();
        assertTrue(mine.contains("Official response") && mine.contains("A new drill waits for you"), mine);
        assertTrue(mine.contains("Did this solve your problem?"), mine);
        HttpResponse<String> incomplete = customer.post("/b/demo/complaints/" + id + "/resolution", Map.of("resolved", "yes", "rating", "11"));
        assertEquals(422, incomplete.statusCode());
        assertTrue(incomplete.body().contains("Choose a rating from 0 to 10.") && incomplete.body().contains("Say whether you would buy again."));
        HttpResponse<String> evaluated = customer.post("/b/demo/complaints/" + id + "/resolution",
            Map.of("resolved", "yes", "rating", "9", "wouldBuyAgain", "yes"));
        assertEquals(303, evaluated.statusCode(), evaluated.body());
        JsonNode c = community.complaint(null, "demo", id).json();
        assertEquals("RESOLVED", c.get("status").asText());
        assertEquals(9, c.get("rating").asInt());
        String resolved = customer.get("/b/demo/complaints/" + id).body();
        assertTrue(resolved.contains("Reopen the complaint"), resolved);
        HttpResponse<String> reopened = customer.post("/b/demo/complaints/" + id + "/reopening", Map.of());
        assertEquals(303, reopened.statusCode(), reopened.body());
        assertFalse(List.of("RESOLVED", "UNRESOLVED").contains(community.complaint(null, "demo", id).json().get("status").asText()));

        Browser stranger = registered(pseudonym());
        stranger.get("/b/demo/complaints/" + id);
        HttpResponse<String> notTheirs = stranger.post("/b/demo/complaints/" + id + "/resolution",
            Map.of("resolved", "no", "rating", "0", "wouldBuyAgain", "no"));
        assertEquals(403, notTheirs.statusCode(), "only the complainant evaluates: " + notTheirs.body());
    }

    @Test
    void sessionCookieIsSecureBehindAnHttpsProxy() {
        Browser b = browser();
        b.get("/b/demo/login");
        HttpResponse<String> r = b.send(HttpRequest.newBuilder(URI.create(server.base() + "/b/demo/login"))
            .header("X-Forwarded-Proto", "https").header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "entraide_csrf=" + b.cookie(Visit.ANONYMOUS))
            .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of("email", "customer@demo.example",
                "password", DemoSeeder.PASSWORD, "csrf", b.cookie(Visit.ANONYMOUS))))));
        assertEquals(303, r.statusCode(), r.body());
        String session = Browser.setCookies(r).stream().filter(c -> c.startsWith("entraide_session=")).findFirst().orElseThrow();
        assertTrue(session.endsWith("; Secure"), session);
    }

    private long questionCount() {
        return http.get("/api/v1/brands/demo/questions?size=1", null).json().get("total").asLong();
    }
}
