package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channels capability's pages: a store's feedback page (where its QR code leads), its printable poster, the
 * thanks on the store page, the widget page a brand's site frames.
 */
abstract class ChannelPageScenarios extends WebTestBase {
    static final String LYON = "LYON-PARTDIEU";

    Community.Member admin;

    ChannelPageScenarios(Db db) {
        super(db);
    }

    @BeforeEach
    void installChannels() throws Exception {
        Plugins.channels(server);
        admin = community.demo("admin");
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"channels\":true}").status());
    }

    Http.Response page(String path, String acceptLanguage) {
        return http.send(http.builder(path, null).header("Accept-Language", acceptLanguage).GET());
    }

    Browser signedIn(String email) {
        Browser b = new Browser(server.base());
        b.get("/b/demo/login");
        assertEquals(303, b.post("/b/demo/login", Map.of("email", email, "password", DemoSeeder.PASSWORD, "next", "/b/demo")).statusCode());
        return b;
    }

    @Test
    void aVisitorThanksTheTeamFromTheFeedbackPageAndTheStoreCountsIt() {
        Browser visitor = new Browser(server.base());
        String form = visitor.get("/b/demo/stores/" + LYON + "/feedback?from=qr").body();
        assertTrue(form.contains("Thank the store team") && form.contains("value=\"qr\""), form);
        assertTrue(form.contains("/b/demo/complaints/new?store=" + LYON), "the complaint form, with the store chosen: " + form);
        HttpResponse<String> sent = visitor.post("/b/demo/stores/" + LYON + "/thanks",
            Map.of("message", "<b>Great</b> team, thanks Julie", "source", "qr"));
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(visitor.get(sent.headers().firstValue("Location").orElseThrow()).body().contains("Thank you!"));

        String store = page("/b/demo/stores/" + LYON, "en").raw().body();
        assertTrue(store.contains("1 thanks"), "counted beside the complaints: " + store);
        assertFalse(store.contains("Great"), "the public sees the count, not the words");
        String managers = signedIn("manager@demo.example").get("/b/demo/stores/" + LYON).body();
        assertTrue(managers.contains("&lt;b&gt;Great&lt;/b&gt; team"), "the store's manager reads it, escaped: " + managers);
        assertTrue(managers.contains("/b/demo/stores/" + LYON + "/poster"), "and finds the poster");
        String fr = page("/b/demo/stores/" + LYON + "/feedback", "fr").raw().body();
        assertTrue(fr.contains("Remercier l'équipe du magasin") || fr.contains("Remercier l&#39;équipe du magasin"), fr);
    }

    @Test
    void theComplainantAttachesAPictureFromTheComplaintPageAndOnlyTheStoreAndStaffSeeIt() throws Exception {
        long id = community.complaintId(community.demo("customer"), LYON, false);
        Browser customer = signedIn("customer@demo.example");
        String page = customer.get("/b/demo/complaints/" + id).body();
        assertTrue(page.contains("Photos and receipts") && page.contains("enctype=\"multipart/form-data\""), page);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        HttpResponse<String> sent = customer.postFile("/b/demo/complaints/" + id + "/attachments", "image", "photo.png", "image/png",
            png.toByteArray());
        assertEquals(303, sent.statusCode(), sent.body());

        page = customer.get("/b/demo/complaints/" + id).body();
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"(/b/demo/complaints/" + id
            + "/attachments/[0-9]+)\" width=\"160\" height=\"106\"").matcher(page);
        assertTrue(img.find(), "the picture, in a box of its proportions: " + page);
        HttpResponse<String> picture = customer.get(img.group(1));
        assertEquals(200, picture.statusCode());
        assertEquals("image/jpeg", picture.headers().firstValue("Content-Type").orElse(""));
        assertEquals("private, no-store", picture.headers().firstValue("Cache-Control").orElse(""), "kept by no cache");
        assertEquals(200, signedIn("manager@demo.example").get(img.group(1)).statusCode(), "the store's manager sees it");
        assertTrue(signedIn("moderator@demo.example").get("/b/demo/complaints/" + id).body().contains(img.group(1)),
            "moderators see it on the page");
        Browser lucas = signedIn("lucas@demo.example");
        assertEquals(404, lucas.get(img.group(1)).statusCode(), "another member");
        assertFalse(lucas.get("/b/demo/complaints/" + id).body().contains("Photos and receipts"), "nor the section");
        assertFalse(page("/b/demo/complaints/" + id, "en").raw().body().contains("/attachments/"), "nor the public page");

        customer.get("/b/demo/complaints/" + id);
        HttpResponse<String> pdf = customer.postFile("/b/demo/complaints/" + id + "/attachments", "image", "ticket.pdf",
            "application/pdf", "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(415, pdf.statusCode(), pdf.body());
        assertTrue(pdf.body().contains("Send a PNG, JPEG or WebP picture"), pdf.body());
        String fr = customer.get("/b/demo/complaints/" + id + "?lang=fr").body();
        assertTrue(fr.contains("Photos et tickets"), fr);
    }

    static byte[] png(int width, int height) throws java.io.IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    /** Files a complaint about the Lyon store from the page's form, with these files; answers the page it leads to. */
    static String fileWithPictures(Browser customer, String title, List<Browser.Upload> files) {
        String form = customer.get("/b/demo/complaints/new?store=" + LYON).body();
        assertTrue(form.contains("enctype=\"multipart/form-data\"") && form.contains("name=\"image\" type=\"file\" multiple"),
            "pictures may go with the form: " + form);
        HttpResponse<String> filed = customer.postMultipart("/b/demo/complaints/new", Map.of("storeCode", LYON, "title", title,
            "body", "The case was cracked when I opened the box at home.", "action", "publish"), files);
        assertEquals(303, filed.statusCode(), filed.body());
        return filed.headers().firstValue("Location").orElseThrow().replaceAll("#.*", "");
    }

    static long idOf(String location) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/b/demo/complaints/([0-9]+)").matcher(location);
        assertTrue(m.find(), location);
        return Long.parseLong(m.group(1));
    }

    @Test
    void theComplaintPageShowsEachPartyTheAddressTheyWriteToAndNobodyElse() {
        Community.Member customerMember = community.demo("customer");
        long id = community.complaintId(customerMember, LYON, false);
        String path = "/b/demo/complaints/" + id;
        Browser customer = signedIn("customer@demo.example");
        assertFalse(customer.get(path).body().contains("Write by e-mail"), "no section while the brand has no inbound domain");
        assertEquals(200, http.put("/api/v1/brands/demo/channels/settings", admin.token(),
            Http.json("inboundDomain", "magasins.demo.example")).status());

        String storeSide = http.get("/api/v1/brands/demo/complaints/" + id + "/relay", customerMember.token()).json()
            .get("address").asText();
        String mine = customer.get(path).body();
        assertTrue(mine.contains("Write by e-mail") && mine.contains("href=\"mailto:" + storeSide + "\""),
            "the complainant writes to the store's side: " + mine);
        assertTrue(mine.contains("reach the store&#39;s team") || mine.contains("reach the store's team"), mine);
        assertTrue(mine.contains("Open: your messages are carried."), mine);

        String customerSide = http.get("/api/v1/brands/demo/complaints/" + id + "/relay", community.demo("manager").token()).json()
            .get("address").asText();
        String managers = signedIn("manager@demo.example").get(path).body();
        assertTrue(managers.contains("href=\"mailto:" + customerSide + "\"") && !managers.contains(storeSide),
            "the store's manager writes to the customer's side: " + managers);
        String other = signedIn("lucas@demo.example").get(path).body();
        assertFalse(other.contains("Write by e-mail") || other.contains("@magasins.demo.example"), "not another member: " + other);
        String visitor = page(path, "en").raw().body();
        assertFalse(visitor.contains("Write by e-mail") || visitor.contains("@magasins.demo.example"), "nor a visitor");
        assertEquals(201, community.respond(community.demo("manager"), "demo", id, "A new drill is waiting for you.").status());
        assertEquals(200, community.resolve(customerMember, "demo", id, true, 8, true).status());
        org.awaitility.Awaitility.await("the relay learns that the complaint is closed").atMost(java.time.Duration.ofSeconds(20))
            .until(() -> customer.get(path).body().contains("Open until "));
        assertTrue(customer.get(path + "?lang=fr").body().contains("\u00c9crire par e-mail"), "in French");

        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"channels\":false}").status());
        assertFalse(customer.get(path + "?lang=en").body().contains("Write by e-mail"), "nor without the capability");
    }

    @Test
    void aComplaintFiledWithAPictureCarriesItAndARefusedFileLosesNothingOfTheComplaint() throws Exception {
        Browser customer = signedIn("customer@demo.example");
        String location = fileWithPictures(customer, "Cracked drill case on arrival",
            List.of(new Browser.Upload("image", "case.png", "image/png", png(300, 200))));
        assertFalse(location.contains("refused"), location);
        String page = customer.get(location).body();
        assertTrue(page.contains("Cracked drill case on arrival"), page);
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"(/b/demo/complaints/" + idOf(location)
            + "/attachments/[0-9]+)\" width=\"160\" height=\"106\"").matcher(page);
        assertTrue(img.find(), "the picture sent with the form is attached: " + page);
        assertEquals("image/jpeg", customer.get(img.group(1)).headers().firstValue("Content-Type").orElse(""));

        location = fileWithPictures(customer, "Receipt refused at the till", List.of(
            new Browser.Upload("image", "ticket.pdf", "application/pdf", "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            new Browser.Upload("image", "till.png", "image/png", png(200, 200))));
        long id = idOf(location);
        assertTrue(location.contains("refused="), location);
        assertEquals("Receipt refused at the till", http.get("/api/v1/brands/demo/complaints/" + id, null).json()
            .get("title").asText(), "the complaint is filed");
        assertEquals(1, http.get("/api/v1/brands/demo/complaints/" + id + "/attachments", community.demo("customer").token())
            .json().get("items").size(), "with the picture, not the PDF");
        page = customer.get(location).body();
        assertTrue(page.contains("Your complaint is filed, but these files were not attached:")
            && page.contains("<strong>ticket.pdf</strong>: Send a PNG, JPEG or WebP picture (a receipt as a photo)."), page);
        String fr = customer.get(location + "&lang=fr").body();
        assertTrue(fr.contains("Votre r\u00e9clamation est d\u00e9pos\u00e9e") && fr.contains("Envoyez une image PNG, JPEG ou WebP"), fr);
        assertFalse(signedIn("lucas@demo.example").get(location).body().contains("ticket.pdf"), "told to the complainant only");
    }

    @Test
    void aFilingFormOverTheLimitIsAnsweredWithAPageInTheVisitorsLanguageAndFilesNothing() {
        Browser customer = signedIn("customer@demo.example");
        customer.get("/b/demo/complaints/new?store=" + LYON);
        byte[] heavy = new byte[8 * 1024 * 1024];
        HttpResponse<String> refused = customer.postMultipart("/b/demo/complaints/new?lang=fr", Map.of("storeCode", LYON,
            "title", "Three heavy pictures of a broken door", "body", "The door came off its hinges.", "action", "publish"),
            List.of(new Browser.Upload("image", "a.png", "image/png", heavy), new Browser.Upload("image", "b.png", "image/png", heavy),
                new Browser.Upload("image", "c.png", "image/png", heavy)));
        assertEquals(413, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), refused.headers().toString());
        assertTrue(refused.body().contains("<html lang=\"fr\">")
            && refused.body().contains("Votre r\u00e9clamation n&#39;a pas \u00e9t\u00e9 envoy\u00e9e")
            && refused.body().contains("plus de 20 Mo") && refused.body().contains("href=\"/b/demo\""), refused.body());
        assertFalse(customer.get("/b/demo/complaints").body().contains("Three heavy pictures"), "nothing filed");
        customer.get("/b/demo/complaints/new?store=" + LYON);
        HttpResponse<String> english = customer.postMultipart("/b/demo/complaints/new", Map.of("storeCode", LYON,
            "title", "Three heavy pictures of a broken door", "body", "The door came off its hinges.", "action", "publish"),
            List.of(new Browser.Upload("image", "a.png", "image/png", heavy), new Browser.Upload("image", "b.png", "image/png", heavy),
                new Browser.Upload("image", "c.png", "image/png", heavy)));
        assertTrue(english.statusCode() == 413 && english.body().contains("weigh more than 20 MB together"), english.body());
    }

    @Test
    void theManagersConsoleShowsTheComplaintsPictures() throws Exception {
        Plugins.localManagers(server);
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"local-managers\":true}").status());
        long id = idOf(fileWithPictures(signedIn("customer@demo.example"), "Scratched table delivered",
            List.of(new Browser.Upload("image", "table.png", "image/png", png(200, 300)))));
        Browser manager = signedIn("manager@demo.example");
        String console = manager.get("/b/demo/manager/complaints/" + id).body();
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<a href=\"(/b/demo/complaints/" + id
            + "/attachments/[0-9]+)\"><img src=\"\\1\" width=\"106\" height=\"160\"").matcher(console);
        assertTrue(console.contains("Photos and receipts") && img.find(), "a thumbnail linking to the picture: " + console);
        HttpResponse<String> picture = manager.get(img.group(1));
        assertEquals(200, picture.statusCode());
        assertEquals("private, no-store", picture.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(signedIn("lucas@demo.example").get("/b/demo/manager/complaints/" + id).body().contains("/attachments/"),
            "another member's view of the address shows no picture");
    }

    @Test
    void aVisitorWhoThanksTooOftenIsAskedToWait() {
        Browser visitor = new Browser(server.base());
        for (int i = 0; i < 3; i++) {
            assertEquals(303, visitor.submit("/b/demo/stores/" + LYON + "/feedback", "/b/demo/stores/" + LYON + "/thanks",
                Map.of("message", "merci " + i)).statusCode());
        }
        HttpResponse<String> fourth = visitor.submit("/b/demo/stores/" + LYON + "/feedback", "/b/demo/stores/" + LYON + "/thanks",
            Map.of("message", "encore"));
        assertEquals(429, fourth.statusCode());
        assertTrue(fourth.body().contains("try again in an hour"), fourth.body());
        assertEquals(403, new Browser(server.base()).postRaw("/b/demo/stores/" + LYON + "/thanks", "message=x&csrf=forged",
            "https://evil.example").statusCode(), "a form from elsewhere is refused");
    }

    @Test
    void thePosterIsPrintableWithTheStoresQrCode() {
        Http.Response poster = page("/b/demo/stores/" + LYON + "/poster", "fr");
        assertEquals(200, poster.status());
        String html = poster.raw().body();
        assertTrue(html.contains("Un souci ? Un merci ?") && html.contains("/static/poster-1.css"), html);
        assertTrue(html.contains("src=\"/api/v1/brands/demo/stores/" + LYON + "/qr\""), html);
        assertTrue(html.contains("/b/demo/stores/" + LYON + "/feedback"), "the address is printed under the code");
        assertTrue(page("/b/demo/stores/" + LYON + "/poster", "en").raw().body().contains("A problem? A thank-you?"));
        Http.Response qr = http.send(http.builder("/api/v1/brands/demo/stores/" + LYON + "/qr", null)
            .header("Accept", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8").GET());
        assertEquals(200, qr.status(), "the image the poster shows");
        assertTrue(page("/static/poster-1.css", "en").raw().body().contains("@media print"));
        assertEquals(404, page("/b/demo/stores/NOPE/poster", "en").status());
        assertEquals(200, http.put("/api/v1/brands/demo/features", admin.token(), "{\"channels\":false}").status());
        assertEquals(404, page("/b/demo/stores/" + LYON + "/poster", "en").status(), "no poster without the capability");
        assertEquals(404, page("/b/demo/stores/" + LYON + "/feedback", "en").status());
        assertFalse(page("/b/demo/stores/" + LYON, "en").raw().body().contains("thanks"), "nor thanks on the store page");
    }

    @Test
    void theWidgetMayBeFramedOnlyByTheBrandsOwnSite() {
        Http.Response none = page("/b/demo/embed", "en");
        assertEquals(200, none.status());
        assertTrue(none.header("Content-Security-Policy").endsWith("frame-ancestors 'none'"), none.header("Content-Security-Policy"));
        assertEquals(200, http.put("/api/v1/brands/demo/channels/settings", admin.token(),
            Http.json("embedOrigins", List.of("https://www.demo.example", "https://shop.demo.example"))).status());
        Http.Response widget = page("/b/demo/embed?q=Lyon", "en");
        String csp = widget.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors https://www.demo.example https://shop.demo.example"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        String html = widget.raw().body();
        assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=).*") || html.contains(" style="), "no inline code: " + html);
        assertTrue(html.contains("/b/demo/complaints/new?store=" + LYON) && html.contains("target=\"_blank\""),
            "a store found by its city, to complain about in the community's own tab: " + html);
        assertTrue(html.contains("action=\"/b/demo/search\""), "search the community");
        assertTrue(page("/b/demo", "en").header("Content-Security-Policy").contains("frame-ancestors 'none'"),
            "the community's other pages are never framed");
        Http.Response script = page("/static/embed-1.js", "en");
        assertEquals(200, script.status());
        assertTrue(script.raw().body().contains("data-entraide-widget"));
    }

    @Test
    void aConfirmationLinkAsksBeforeFilingAndAnUnknownOneSaysSo() {
        Browser visitor = new Browser(server.base());
        String token = "a".repeat(43);
        String form = visitor.get("/b/demo/intake/" + token).body();
        assertTrue(form.contains("Confirm and file my complaint") && form.contains("action=\"/b/demo/intake/" + token + "\""),
            "opening the link files nothing: " + form);
        HttpResponse<String> unknown = visitor.post("/b/demo/intake/" + token, Map.of());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown or has expired"), unknown.body());
        assertTrue(page("/b/demo/intake/" + token, "fr").raw().body().contains("Confirmer et déposer ma réclamation"));
    }
}
