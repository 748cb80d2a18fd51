package org.entraide.channels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.entraide.api.channels.StoreThanked;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channels plugin in the real core, over HTTP: a store's QR code, thanks to its team, the brand's settings.
 * Subclasses pick H2 or PostgreSQL.
 */
abstract class ChannelsScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    static final String LYON = "LYON-PARTDIEU";
    static final String BASE = "https://entraide.example.org";

    TestServer server;
    ChannelsPlugin plugin;
    Http http;
    Community community;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource());
        new DemoSeeder(server.core).seedIfAbsent();
        plugin = new ChannelsPlugin(core(server), new ChannelSettings(BASE, 300, 3, 10, null, 1 << 20, java.time.Duration.ofDays(7),
            java.time.Duration.ofDays(30), 64 * 1024, 3),
            Clock.systemUTC());
        server.install(List.of(new ChannelsCapability(), plugin));
        http = new Http(server.base());
        community = new Community(http);
        assertEquals(200, http.put(DEMO + "/features", community.demo("admin").token(), "{\"channels\":true}").status());
    }

    /** The platform's services of a test server, as Karaf gives them to the plugin. */
    static CoreServices core(TestServer server) {
        var p = server.core.platform;
        return new CoreServices(server.core.db, server.core.migrator, server.core.endpoints, p, p, p, p, server.core.events,
            server.core.contributions, server.core.mail, server.core.capabilities, server.core.pictures);
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    HttpResponse<byte[]> qr(String store, String accept) throws Exception {
        var b = http.builder(DEMO + "/stores/" + store + "/qr", null).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void theQrCodeLeadsToTheStoresFeedbackPageOnThePublicAddress() throws Exception {
        HttpResponse<byte[]> png = qr(LYON, "image/png");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(null));
        assertEquals(BASE + "/b/demo/stores/" + LYON + "/feedback?from=qr", decode(png.body()), "the code holds the feedback form's address");
        assertTrue(png.headers().firstValue("Vary").orElse("").contains("Accept"), "caches keep one image per media type");

        HttpResponse<byte[]> any = qr(LYON, null);
        assertEquals("image/png", any.headers().firstValue("Content-Type").orElse(null), "PNG without an Accept header");
    }

    @Test
    void svgIsServedWhenPreferredAndOtherMediaTypesAreRefused() throws Exception {
        HttpResponse<byte[]> svg = qr(LYON, "image/png;q=0.5, image/svg+xml");
        assertEquals(200, svg.statusCode());
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(null));
        String text = new String(svg.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && text.contains("<path"), text);
        assertFalse(text.contains("<script"), "nothing but shapes");

        HttpResponse<byte[]> html = qr(LYON, "text/html");
        assertEquals(406, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        assertEquals(406, qr(LYON, "image/*;q=0").statusCode());
    }

    @Test
    void anotherBrandsStoreOrAnUnknownOneIsNotFound() throws Exception {
        assertEquals(404, qr("NOPE", "image/png").statusCode());
        String root = Http.basic(TestServer.ROOT_USER, TestServer.ROOT_PASSWORD);
        assertEquals(201, http.post("/api/v1/admin/brands", root, "{\"slug\":\"acme\",\"name\":\"Acme\","
            + "\"adminEmail\":\"boss@acme.example\",\"adminPassword\":\"acme-password\",\"adminPseudonym\":\"Boss\"}").status());
        Community.Member boss = community.login("acme", "boss@acme.example", "acme-password");
        assertEquals(200, http.put("/api/v1/brands/acme/features", boss.token(), "{\"channels\":true}").status());
        assertEquals(201, http.post("/api/v1/brands/acme/stores", boss.token(),
            Http.json("code", "ACME-1", "name", "Acme centre", "city", "Paris", "postalCode", "75001")).status());
        assertEquals(404, qr("ACME-1", "image/png").statusCode(), "a store of acme is not one of demo's");
        assertEquals(404, http.post(DEMO + "/stores/ACME-1/thanks", null, "{}").status());
        assertEquals(200, http.get("/api/v1/brands/acme/stores/ACME-1/thanks", null).status());
    }

    @Test
    void visitorsThankAStoreWithinARateLimitAndTheCountIsPublic() {
        for (int i = 0; i < 3; i++) {
            Http.Response r = http.post(DEMO + "/stores/" + LYON + "/thanks", null,
                Http.json("message", "Merci à Julie\u0000 pour son accueil ! " + i, "source", "qr"));
            assertEquals(201, r.status(), r.toString());
        }
        Http.Response fourth = http.post(DEMO + "/stores/" + LYON + "/thanks", null, "{}");
        assertEquals(429, fourth.status(), "three thanks an hour from one address: " + fourth);
        Community.Member member = community.join("demo");
        assertEquals(201, http.post(DEMO + "/stores/" + LYON + "/thanks", member.token(), "{}").status(),
            "a member is counted apart from the address");

        Http.Response figures = http.get(DEMO + "/stores/" + LYON + "/thanks", null);
        assertEquals(200, figures.status());
        assertEquals(4, figures.json().get("thanks").asLong());
        assertEquals(4, figures.json().get("thanksLast30Days").asLong());
        assertNull(figures.json().get("recent"), "the public sees the count, not the messages");
        assertNull(http.get(DEMO + "/stores/" + LYON + "/thanks", community.demo("customer").token()).json().get("recent"));

        Http.Response manager = http.get(DEMO + "/stores/" + LYON + "/thanks", community.demo("manager").token());
        assertEquals(4, manager.json().get("recent").size(), manager.toString());
        assertEquals("Merci à Julie pour son accueil ! 2", manager.json().get("recent").get(1).get("message").asText(),
            "texts are cleaned as every text is");
        assertFalse(manager.toString().contains(member.pseudonym()) || manager.toString().contains("userId"),
            "who thanked is not shown, even to the store");
    }

    @Test
    void aThanksIsOneTypedEventInTheSameTransaction() {
        Community.Member member = community.join("demo");
        long id = http.post(DEMO + "/stores/" + LYON + "/thanks", member.token(), Http.json("source", "widget")).json().get("id").asLong();
        List<String> payloads = server.core.db.inTransaction(c -> Sql.list(c, "SELECT payload FROM domain_event "
            + "WHERE event_type = 'store.thanked' AND subject_type = 'store'", rs -> rs.getString(1)));
        assertEquals(1, payloads.size());
        StoreThanked e = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
            readTree(payloads.get(0)), StoreThanked.class);
        assertEquals(id, e.thanksId());
        assertEquals(LYON, e.storeCode());
        assertEquals(member.id(), e.userId());
        assertEquals("widget", e.source());
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        assertEquals(400, http.post(DEMO + "/stores/" + LYON + "/thanks", null, Http.json("source", "sms")).status());
        assertEquals(400, http.post(DEMO + "/stores/" + LYON + "/thanks", null, Http.json("message", "x".repeat(1001))).status());
        assertEquals(400, http.post(DEMO + "/stores/" + LYON + "/thanks", null, "{\"other\":1}").status());
        assertEquals(415, http.send(http.builder(DEMO + "/stores/" + LYON + "/thanks", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("message=x"))).status());
        assertEquals(0, http.get(DEMO + "/stores/" + LYON + "/thanks", null).json().get("thanks").asLong());
    }

    @Test
    void onlyBrandAdminsSetTheOriginsThatMayFrameTheWidget() {
        String admin = community.demo("admin").token();
        assertEquals(403, http.put(DEMO + "/channels/settings", community.demo("manager").token(), "{}").status());
        assertEquals(401, http.get(DEMO + "/channels/settings", null).status());
        for (String bad : List.of("http://www.example.com", "https://*.example.com", "https://www.example.com/path",
            "javascript:alert(1)", "https://a.example.com; script-src *", "https://user@www.example.com")) {
            Http.Response r = http.put(DEMO + "/channels/settings", admin, Http.json("embedOrigins", List.of(bad)));
            assertEquals(400, r.status(), bad + ": " + r);
        }
        assertEquals(400, http.put(DEMO + "/channels/settings", admin, Http.json("inboundDomain", "not a domain")).status());
        Http.Response empty = http.put(DEMO + "/channels/settings", admin, Http.json("embedOrigins", List.of()));
        assertEquals(200, empty.status(), "no domain yet: " + empty);
        Http.Response saved = http.put(DEMO + "/channels/settings", admin, Http.json("embedOrigins",
            List.of("https://WWW.Example.com/", "http://localhost:8080"), "inboundDomain", "magasins.example.com"));
        assertEquals(200, saved.status(), saved.toString());
        assertEquals("[\"https://www.example.com\",\"http://localhost:8080\"]", saved.json().get("embedOrigins").toString());
        assertEquals("magasins.example.com", http.get(DEMO + "/channels/settings", admin).json().get("inboundDomain").asText());
        assertEquals("[\"https://www.example.com\",\"http://localhost:8080\"]",
            http.get(DEMO + "/channels/embed", null).json().get("embedOrigins").toString(), "public: the browser is told anyway");
    }

    @Test
    void aBrandThatDidNotEnableChannelsHasNone() throws Exception {
        String admin = community.demo("admin").token();
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"channels\":false}").status());
        assertEquals(404, qr(LYON, "image/png").statusCode());
        assertEquals(404, http.post(DEMO + "/stores/" + LYON + "/thanks", null, "{}").status());
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"channels\":true}").status());
        assertEquals(200, qr(LYON, "image/png").statusCode());
    }

    @Test
    void aMembersThanksAreExportedAndForgottenWhenTheyLeaveButTheStoreKeepsItsCount() {
        Community.Member member = community.join("demo");
        http.post(DEMO + "/stores/" + LYON + "/thanks", member.token(), Http.json("message", "Bravo Karim"));
        long brand = server.core.db.inTransaction(c -> Sql.count(c, "SELECT brand_id FROM channels_thanks"));
        Map<String, Object> export = plugin.export(brand, member.id());
        assertTrue(export.toString().contains("Bravo Karim"), export.toString());
        plugin.erase(brand, member.id());
        plugin.erase(brand, member.id());
        assertEquals("{messagesToStores=[], attachments=[], thanks=[]}", plugin.export(brand, member.id()).toString());
        assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM channels_thanks WHERE message IS NOT NULL")));
        assertEquals(1, http.get(DEMO + "/stores/" + LYON + "/thanks", null).json().get("thanks").asLong());
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- attachments -------------------------------------------------------------------------------------------

    /** A photo as a phone sends it: a JPEG with a comment in its metadata (where a phone puts its position). */
    static byte[] photo(int width, int height, String comment) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var writer = ImageIO.getImageWritersByMIMEType("image/jpeg").next();
        var out = new java.io.ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), null);
        }
        writer.dispose();
        byte[] jpeg = out.toByteArray();
        // a COM segment right after SOI: kept by any file copy, dropped by a re-encoding
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        var with = new java.io.ByteArrayOutputStream();
        with.write(jpeg, 0, 2);
        with.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) ((text.length + 2) >> 8), (byte) (text.length + 2)});
        with.write(text);
        with.write(jpeg, 2, jpeg.length - 2);
        return with.toByteArray();
    }

    static byte[] png(int width, int height) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    Http.Response attach(String token, long complaint, String type, byte[] bytes) {
        return http.send(http.builder(DEMO + "/complaints/" + complaint + "/attachments", token).header("Content-Type", type)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    HttpResponse<byte[]> picture(String token, long complaint, long id) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(http.builder(DEMO + "/complaints/" + complaint + "/attachments/" + id,
            token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Community.Member managerOf(String store, String email) {
        var brand = server.core.brands.find("demo").orElseThrow();
        long id = server.core.accounts.register("demo", email, DemoSeeder.PASSWORD, "Gerant-" + store.substring(0, 5));
        server.core.administration.setRoles(server.core.accounts.authenticate("Bearer " + community.demo("admin").token())
            .orElseThrow(), brand, id, java.util.Set.of(org.entraide.api.model.Role.STORE_MANAGER), List.of(store));
        return community.login("demo", email, DemoSeeder.PASSWORD);
    }

    @Test
    void aComplainantAttachesAPhotoServedReEncodedToTheStoreAndModeratorsOnly() throws Exception {
        Community.Member customer = community.demo("customer");
        long complaint = community.complaintId(customer, LYON, false);
        byte[] upload = photo(640, 480, "GPS 45.7600N 4.8590E secret");
        Http.Response added = attach(customer.token(), complaint, "image/jpeg", upload);
        assertEquals(201, added.status(), added.toString());
        long id = added.json().get("id").asLong();
        assertEquals(640, added.json().get("width").asInt());

        HttpResponse<byte[]> mine = picture(customer.token(), complaint, id);
        assertEquals(200, mine.statusCode());
        assertEquals("image/jpeg", mine.headers().firstValue("Content-Type").orElse(null));
        assertEquals("private, no-store", mine.headers().firstValue("Cache-Control").orElse(null), "kept by no cache");
        assertFalse(java.util.Arrays.equals(upload, mine.body()), "the served bytes are the server's own");
        assertFalse(new String(mine.body(), StandardCharsets.ISO_8859_1).contains("GPS 45.7600N"), "metadata stripped");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(mine.body()));
        assertEquals(640, served.getWidth(), "the whole picture, at its size");
        assertTrue((served.getRGB(320, 240) & 0xff) > 200, "still the picture that was sent (blue at its centre)");

        // who sees it: the complainant, the store's manager, the central team and moderators; nobody else, not even
        // that it exists
        Community.Member otherStore = managerOf("PARIS-BERCY", "gerant.bercy@demo.example");
        for (String who : List.of("manager", "moderator", "admin")) {
            assertEquals(200, picture(community.demo(who).token(), complaint, id).statusCode(), who + " sees it");
            assertEquals(1, http.get(DEMO + "/complaints/" + complaint + "/attachments", community.demo(who).token()).json()
                .get("items").size(), who + " lists it");
        }
        assertEquals(404, picture(otherStore.token(), complaint, id).statusCode(), "another store's manager");
        assertEquals(404, picture(community.demo("lucas").token(), complaint, id).statusCode(), "another member");
        assertEquals(404, picture(null, complaint, id).statusCode(), "a visitor");
        assertEquals(404, http.get(DEMO + "/complaints/" + complaint + "/attachments", null).status());
        assertEquals(404, http.get(DEMO + "/complaints/" + complaint + "/attachments", otherStore.token()).status());
        assertFalse(http.get(DEMO + "/complaints/" + complaint, null).raw().body().contains("/attachments/"),
            "never in the public complaint");
        assertEquals(404, attach(community.demo("lucas").token(), complaint, "image/jpeg", upload).status(),
            "another member cannot attach to it either");
        assertEquals(403, attach(community.demo("manager").token(), complaint, "image/jpeg", upload).status(),
            "only its author attaches");
    }

    @Test
    void aDisguisedAnOversizedOrAnotherKindOfFileIsRefusedAndNothingStored() throws Exception {
        Community.Member customer = community.demo("customer");
        long complaint = community.complaintId(customer, LYON, false);
        byte[] script = "<script>alert(1)</script>".repeat(20).getBytes(StandardCharsets.UTF_8);
        Http.Response disguised = attach(customer.token(), complaint, "image/png", script);
        assertEquals(400, disguised.status(), disguised.toString());
        assertEquals("file", disguised.json().get("errors").get(0).get("field").asText(), disguised.toString());
        assertEquals(400, attach(customer.token(), complaint, "image/png", photo(50, 50, "x")).status(),
            "a JPEG declared as a PNG");
        Http.Response pdf = attach(customer.token(), complaint, "application/pdf", "%PDF-1.7 receipt".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, pdf.status(), pdf.toString());
        assertEquals("application/problem+json", pdf.header("Content-Type"));
        // the test's ceiling is 64 KB: a bigger file is refused before it is read
        Http.Response big = attach(customer.token(), complaint, "image/png", new byte[70 * 1024]);
        assertEquals(413, big.status(), big.toString());
        // a brand's own lower limit
        String admin = community.demo("admin").token();
        assertEquals(400, http.put(DEMO + "/channels/settings", admin, "{\"attachmentMaxKilobytes\": 100}").status(),
            "not above the platform's");
        assertEquals(200, http.put(DEMO + "/channels/settings", admin, "{\"attachmentMaxKilobytes\": 1}").status());
        byte[] noise = photo(300, 300, "x".repeat(2000));
        assertTrue(noise.length > 1024);
        assertEquals(413, attach(customer.token(), complaint, "image/jpeg", noise).status(), "over the brand's 1 KB");
        assertEquals(200, http.put(DEMO + "/channels/settings", admin, "{}").status());
        // a small file declaring a huge picture is refused before its pixels are read
        byte[] bomb = png(1, 1);
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(50_000).putInt(50_000);
        assertEquals(400, attach(customer.token(), complaint, "image/png", bomb).status(), "a decompression bomb");
        assertEquals(0, http.get(DEMO + "/complaints/" + complaint + "/attachments", customer.token()).json().get("items").size(),
            "nothing stored");
        // the count limit (3 in this test)
        for (int i = 0; i < 3; i++) {
            assertEquals(201, attach(customer.token(), complaint, "image/png", png(20, 20)).status());
        }
        assertEquals(409, attach(customer.token(), complaint, "image/png", png(20, 20)).status(), "at most 3");
    }

    @Test
    void aMembersAttachmentsAreInTheirExportAndGoWithTheirAccount() throws Exception {
        Community.Member member = community.join("demo");
        long complaint = community.complaintId(member, LYON, false);
        long id = attach(member.token(), complaint, "image/png", png(30, 20)).json().get("id").asLong();
        long brand = server.core.brands.find("demo").orElseThrow().id();
        @SuppressWarnings("unchecked")
        var exported = (List<Map<String, Object>>) plugin.export(brand, member.id()).get("attachments");
        assertEquals(1, exported.size());
        assertEquals(id, ((Number) exported.get(0).get("id")).longValue());
        assertTrue(exported.get(0).get("base64").toString().length() > 100, "with the picture");
        plugin.erase(brand, member.id());
        assertEquals(0L, (long) server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM channels_attachment")));
    }
}
