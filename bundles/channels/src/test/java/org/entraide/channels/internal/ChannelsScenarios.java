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
        plugin = new ChannelsPlugin(core(server), new ChannelSettings(BASE, 300, 3, 10, null, 1 << 20, java.time.Duration.ofDays(7), java.time.Duration.ofDays(30)),
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
            server.core.contributions, server.core.mail, server.core.capabilities);
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
        assertEquals("{messagesToStores=[], thanks=[]}", plugin.export(brand, member.id()).toString());
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
}
