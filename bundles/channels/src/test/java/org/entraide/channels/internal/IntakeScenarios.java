package org.entraide.channels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.mail.MailSettings;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Mailbox;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail to a store's address against a real SMTP and IMAP server (GreenMail): the message is kept, its sender
 * confirms by the link e-mailed to them, and it becomes their complaint about that store; a new sender gets an
 * account without a password. Subclasses pick H2 or PostgreSQL.
 */
abstract class IntakeScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    static final String STORE_ADDRESS = "lyon-partdieu@magasins.demo.example";
    static final Pattern LINK = Pattern.compile("/b/demo/intake/([A-Za-z0-9_-]{43})");

    GreenMail greenMail;
    ServerSetup smtp;
    TestServer server;
    ChannelsPlugin plugin;
    Http http;
    Community community;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        smtp = new ServerSetup(freePort(), "127.0.0.1", "smtp");
        int imapPort = freePort();
        greenMail = new GreenMail(new ServerSetup[] {smtp, new ServerSetup(imapPort, "127.0.0.1", "imap")});
        greenMail.start();
        // the mailbox every address of the brand's inbound domain is delivered to
        greenMail.setUser(STORE_ADDRESS, "stores", "secret");
        MailSettings mail = MailSettings.defaults().withOutbox(Files.createTempDirectory("entraide-intake-test"))
            .withPoll(Duration.ofMillis(50)).withFrom("entraide@test.example").withSmtp("smtp://127.0.0.1:" + smtp.getPort());
        server = new TestServer(dataSource(), CoreSettings.defaults().withMail(mail));
        new DemoSeeder(server.core).seedIfAbsent();
        plugin = new ChannelsPlugin(ChannelsScenarios.core(server), ChannelSettings.defaults("https://entraide.example")
            .withIntake("imap://127.0.0.1:" + imapPort + "?username=stores&password=secret&delete=false&unseen=true&initialDelay=0&delay=100"),
            Clock.systemUTC());
        server.install(List.of(new ChannelsCapability(), plugin));
        http = new Http(server.base());
        community = new Community(http);
        String admin = community.demo("admin").token();
        assertEquals(200, http.put(DEMO + "/features", admin, "{\"channels\":true}").status());
        assertEquals(200, http.put(DEMO + "/channels/settings", admin, Http.json("inboundDomain", "magasins.demo.example")).status());
    }

    @AfterEach
    void stop() {
        server.close();
        greenMail.stop();
        dropDatabase();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The confirmation link's token e-mailed to that address, once the message was read. */
    String confirmationToken(String sender) {
        Awaitility.await("the confirmation e-mail to " + sender).atMost(Duration.ofSeconds(20))
            .until(() -> server.mailbox().last(sender, "channels-intake-").isPresent());
        Mailbox.Message m = server.mailbox().last(sender, "channels-intake-").orElseThrow();
        Matcher link = LINK.matcher(m.text());
        assertTrue(link.find(), "a confirmation link: " + m.text());
        assertTrue(m.text().startsWith("Bonjour") && m.text().contains("Hello"), "in French and English");
        return link.group(1);
    }

    @Test
    void aMessageToAStoreBecomesTheNewSendersComplaintOnceConfirmed() {
        String sender = "Jeanne.Martin@client.example";
        long before = baseline();
        GreenMailUtil.sendTextEmail(STORE_ADDRESS, sender, "Commande incomplète", "Il manquait deux pots de peinture.\nMerci.", smtp);
        String token = confirmationToken("jeanne.martin@client.example");
        assertEquals(before, baseline(), "nothing is filed before the sender confirms");

        Http.Response confirmed = http.post(DEMO + "/channels/intake/" + token, null, "");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals("PUBLISHED", confirmed.json().get("status").asText());
        long complaint = confirmed.json().get("complaintId").asLong();
        Http.Response again = http.post(DEMO + "/channels/intake/" + token, null, "");
        assertEquals(complaint, again.json().get("complaintId").asLong(), "a second click files nothing more");

        Http.Response view = http.get(DEMO + "/complaints/" + complaint, community.demo("admin").token());
        assertEquals(200, view.status(), view.toString());
        assertEquals("Commande incomplète", view.json().get("title").asText());
        assertTrue(view.json().get("body").asText().contains("deux pots de peinture"));
        assertEquals("LYON-PARTDIEU", view.json().get("store").get("code").asText(), view.toString());
        assertFalse(view.toString().contains("client.example"), "the sender's address is shown to nobody");

        // the account has no password its owner knows: they claim it with "forgot password"
        assertEquals(before + 1, baseline());
        Http.Response forgot = http.post(DEMO + "/password-reset", null, Http.json("email", "jeanne.martin@client.example"));
        assertTrue(forgot.status() == 202 || forgot.status() == 204, forgot.toString());
        Awaitility.await("a reset link for the new account").atMost(Duration.ofSeconds(10)).until(() ->
            server.mailbox().to("jeanne.martin@client.example").stream().anyMatch(m -> !m.key().startsWith("channels-intake-")));
    }

    @Test
    void aMemberWhoWritesToAStoreFilesUnderTheirOwnAccount() {
        Community.Member member = community.join("demo");
        GreenMailUtil.sendTextEmail(STORE_ADDRESS, member.email(), "Caisse fermée trop tôt", "La caisse 3 a fermé à 18h.", smtp);
        String token = confirmationToken(member.email());
        long complaint = http.post(DEMO + "/channels/intake/" + token, null, "").json().get("complaintId").asLong();
        Http.Response mine = http.get(DEMO + "/complaints/" + complaint, member.token());
        assertTrue(mine.json().get("mine").asBoolean(), "filed as the member who wrote: " + mine);
    }

    @Test
    void aPhotoAttachedToTheEmailIsFiledWithTheComplaintReEncodedAndADocumentIsLeftOut() throws Exception {
        byte[] photo = ChannelsScenarios.photo(800, 600, "GPS 48.8566N 2.3522E");
        var session = GreenMailUtil.getSession(smtp);
        var message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("paul.durand@client.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, STORE_ADDRESS);
        message.setSubject("Produit abîmé", "UTF-8");
        var parts = new jakarta.mail.internet.MimeMultipart();
        var text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("Le carton était ouvert, voici la photo et le ticket.", "UTF-8");
        parts.addBodyPart(text);
        for (Object[] file : new Object[][] {{photo, "image/jpeg", "photo.jpg"},
                {"%PDF-1.7 ticket".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf", "ticket.pdf"},
                {"<script>x</script>".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "image/png", "fake.png"}}) {
            var attachment = new jakarta.mail.internet.MimeBodyPart();
            attachment.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource((byte[]) file[0], (String) file[1])));
            attachment.setFileName((String) file[2]);
            attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
            parts.addBodyPart(attachment);
        }
        message.setContent(parts);
        GreenMailUtil.sendMimeMessage(message);
        String token = confirmationToken("paul.durand@client.example");
        long complaint = http.post(DEMO + "/channels/intake/" + token, null, "").json().get("complaintId").asLong();

        String manager = community.demo("manager").token();
        Http.Response list = http.get(DEMO + "/complaints/" + complaint + "/attachments", manager);
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().get("items").size(), "the photo only, not the PDF nor the disguised file: " + list);
        assertEquals("email", list.json().get("items").get(0).get("source").asText());
        var picture = java.net.http.HttpClient.newHttpClient().send(http.builder(list.json().get("items").get(0).get("href").asText(),
            manager).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, picture.statusCode());
        assertFalse(java.util.Arrays.equals(photo, picture.body()), "re-encoded");
        assertFalse(new String(picture.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("GPS 48.8566N"));
        assertEquals(404, http.get(DEMO + "/complaints/" + complaint + "/attachments", community.demo("lucas").token()).status());
    }

    @Test
    void messagesNotForAStoreAreIgnoredAndABadOrForeignLinkIsNotFound() {
        GreenMailUtil.sendTextEmail("nope@magasins.demo.example", "a@client.example", "Bonjour à tous", "Un message.", smtp);
        GreenMailUtil.sendTextEmail(STORE_ADDRESS, "b@client.example", "Sujet valable", "Le texte.", smtp);
        confirmationToken("b@client.example");
        assertEquals(Optional.empty(), server.mailbox().last("a@client.example", "channels-intake-"),
            "no store NOPE: nothing kept, nothing sent");
        assertEquals(404, http.post(DEMO + "/channels/intake/" + "x".repeat(43), null, "").status());
        assertEquals(404, http.post(DEMO + "/channels/intake/short", null, "").status());
    }

    @Test
    void aMemberWhoLeavesTakesTheirUnconfirmedMessagesWithThem() {
        Community.Member member = community.join("demo");
        GreenMailUtil.sendTextEmail(STORE_ADDRESS, member.email(), "Rayon vide", "Plus de pinceaux.", smtp);
        String token = confirmationToken(member.email());
        plugin.erase(server.core.brands.find("demo").orElseThrow().id(), member.id());
        assertEquals(404, http.post(DEMO + "/channels/intake/" + token, null, "").status(), "the message went with them");
    }

    private long baseline() {
        return http.get(DEMO + "/complaints?store=LYON-PARTDIEU", null).json().get("total").asLong();
    }
}
