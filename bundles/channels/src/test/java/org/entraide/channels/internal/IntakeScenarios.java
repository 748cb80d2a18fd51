package org.entraide.channels.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.entraide.api.localmanagers.Assignment;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.mail.MailSettings;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.Mailbox;
import org.entraide.core.internal.support.MutableClock;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
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
    GreenMailUser stores;
    ServerSetup smtp;
    final MutableClock clock = MutableClock.ofSystemTime();
    PartiesOnlyMessages privateMessages;
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
        stores = greenMail.setUser(STORE_ADDRESS, "stores", "secret");
        MailSettings mail = MailSettings.defaults().withOutbox(Files.createTempDirectory("entraide-intake-test"))
            .withPoll(Duration.ofMillis(50)).withFrom("entraide@test.example").withSmtp("smtp://127.0.0.1:" + smtp.getPort());
        server = new TestServer(dataSource(), CoreSettings.defaults().withMail(mail));
        new DemoSeeder(server.core).seedIfAbsent();
        plugin = new ChannelsPlugin(ChannelsScenarios.core(server), ChannelSettings.defaults("https://entraide.example")
            .withIntake("imap://127.0.0.1:" + imapPort + "?username=stores&password=secret&delete=false&unseen=true&initialDelay=0&delay=100")
            .withRelayAfterClose(Duration.ofDays(30)), clock);
        privateMessages = new PartiesOnlyMessages(server.core.platform);
        plugin.bindPrivateMessages(privateMessages);
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

    // ---- threading: later messages about the same complaint

    /** A member's message to the store, confirmed: their complaint's id; the confirmation e-mail's key in {@code key[0]}. */
    long filedByMail(Community.Member member, String title, String[] key) {
        GreenMailUtil.sendTextEmail(STORE_ADDRESS, member.email(), title, "Le premier message.", smtp);
        String token = confirmationToken(member.email());
        if (key != null) {
            key[0] = server.mailbox().last(member.email(), "channels-intake-").orElseThrow().key();
        }
        Http.Response r = http.post(DEMO + "/channels/intake/" + token, null, "");
        assertEquals("PUBLISHED", r.json().get("status").asText(), r.toString());
        return r.json().get("complaintId").asLong();
    }

    /** Puts a raw message in the stores' mailbox, as the operator's catch-all of the inbound domain delivers it. */
    void deliver(String raw) throws Exception {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        stores.deliver(new MimeMessage(GreenMailUtil.getSession(smtp), new java.io.ByteArrayInputStream(bytes)));
    }

    static String raw(String from, String to, String messageId, String extraHeaders, String subject, String text) {
        return "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: <" + messageId + ">\n"
            + extraHeaders + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + text + "\n";
    }

    void awaitSent(int count) {
        Awaitility.await(count + " private messages").atMost(Duration.ofSeconds(20)).until(() -> privateMessages.sent.size() >= count);
    }

    @Test
    void repliesAndLaterMessagesGoIntoTheOpenComplaintsPrivateThread() throws Exception {
        Community.Member member = community.join("demo");
        String[] key = new String[1];
        long complaint = filedByMail(member, "Colis abîmé", key);
        long before = baseline();

        deliver(raw(member.email(), STORE_ADDRESS, "reply-1@client.example", "In-Reply-To: <" + key[0] + "@entraide>\n",
            "Re: Confirmez votre message", "Voici le numéro de commande : 4521.\n\nLe 3 déc. 2026, Entraide a écrit :\n> Bonjour,\n> lien"));
        awaitSent(1);
        assertEquals(new PartiesOnlyMessages.Sent(complaint, member.id(), "Voici le numéro de commande : 4521."),
            privateMessages.sent.get(0), "the complainant's message, without what it quotes");

        // the store's address again, without references, while the complaint is open: the same thread
        deliver(raw(member.email(), STORE_ADDRESS, "later-2@client.example", "", "Encore moi", "Le carton était mouillé."));
        awaitSent(2);
        assertEquals(complaint, privateMessages.sent.get(1).complaintId());
        // the same message read again is posted once; a stranger's message about it starts its own confirmation
        deliver(raw(member.email(), STORE_ADDRESS, "later-2@client.example", "", "Encore moi", "Le carton était mouillé."));
        deliver(raw("other@client.example", STORE_ADDRESS, "other-3@client.example", "In-Reply-To: <" + key[0] + "@entraide>\n",
            "Re: Confirmez votre message", "Je ne suis pas l'auteur."));
        confirmationToken("other@client.example");
        assertEquals(2, privateMessages.sent.size(), "once per message, and only the complainant's");
        assertEquals(before, baseline(), "no new complaint");
        assertEquals(2, sql("SELECT COUNT(*) FROM channels_mail_in WHERE kind = 'THREAD' AND outcome = 'SENT'"));
    }

    @Test
    void aClosedComplaintsSenderStartsANewOne() throws Exception {
        Community.Member member = community.join("demo");
        long complaint = filedByMail(member, "Retard de livraison", null);
        assertEquals(201, community.respond(community.demo("manager"), "demo", complaint, "Nous regardons.").status());
        assertEquals(200, community.resolve(member, "demo", complaint, true, 8, true).status());
        server.settle("channels");
        String first = server.mailbox().last(member.email(), "channels-intake-").orElseThrow().key();
        deliver(raw(member.email(), STORE_ADDRESS, "after-close@client.example", "", "Nouveau problème", "Autre chose."));
        Awaitility.await("a new confirmation").atMost(Duration.ofSeconds(20)).until(() ->
            !server.mailbox().last(member.email(), "channels-intake-").orElseThrow().key().equals(first));
        assertEquals(List.of(), privateMessages.sent);
    }

    // ---- the contact relay

    /** The address of the store's side of the relay, from the "filed" e-mail's Reply-To as the complainant received it. */
    String storeRelayAddress(String complainant) throws Exception {
        Awaitility.await("the filed e-mail").atMost(Duration.ofSeconds(20)).until(() -> received(complainant).stream()
            .anyMatch(m -> header(m, "Message-ID").startsWith("<channels-filed-")));
        MimeMessage filed = received(complainant).stream().filter(m -> header(m, "Message-ID").startsWith("<channels-filed-"))
            .findFirst().orElseThrow();
        String address = ((InternetAddress) filed.getReplyTo()[0]).getAddress();
        assertTrue(address.matches("r[a-z2-7]{26}@magasins\\.demo\\.example"), address);
        return address;
    }

    List<MimeMessage> received(String address) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            var to = m.getRecipients(Message.RecipientType.TO);
            if (to != null && to.length == 1 && ((InternetAddress) to[0]).getAddress().equalsIgnoreCase(address)) {
                out.add(m);
            }
        }
        return out;
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] v = m.getHeader(name);
            return v == null ? "" : v[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MimeMessage> relayed(String address) throws Exception {
        return received(address).stream().filter(m -> header(m, "Message-ID").startsWith("<channels-relay-")).toList();
    }

    long sql(String query) {
        return server.core.db.inTransaction(c -> Sql.count(c, query));
    }

    @Test
    void theRelayCarriesMessagesBothWaysWithoutEitherPartysAddress() throws Exception {
        Community.Member member = community.join("demo");
        long complaint = filedByMail(member, "Facture erronée", null);
        String storeSide = storeRelayAddress(member.email());
        // what the complainant's mail program adds: their address in every header the relay must not carry
        String leaky = "Reply-To: " + member.email() + "\nSender: " + member.email() + "\nReturn-Path: <" + member.email()
            + ">\nReceived: from mx.client.example by mx.demo.example for <" + member.email() + ">\n";
        deliver(raw(member.email(), storeSide, "relay-1@client.example", leaky, "Ma facture",
            "La facture indique 3 articles au lieu de 2."));
        awaitSent(1);
        assertEquals(new PartiesOnlyMessages.Sent(complaint, member.id(), "La facture indique 3 articles au lieu de 2."),
            privateMessages.sent.get(0), "the complainant's private message");
        Awaitility.await("the store's manager gets it").atMost(Duration.ofSeconds(20))
            .until(() -> relayed("manager@demo.example").size() == 1);
        MimeMessage toStore = relayed("manager@demo.example").get(0);
        String rawToStore = GreenMailUtil.getWholeMessage(toStore);
        assertTrue(rawToStore.contains("3 articles au lieu de 2"), rawToStore);
        assertFalse(rawToStore.toLowerCase(java.util.Locale.ROOT).contains(member.email()), "the complainant's address: " + rawToStore);
        assertFalse(rawToStore.contains("client.example"), rawToStore);
        String customerSide = ((InternetAddress) toStore.getReplyTo()[0]).getAddress();
        assertTrue(customerSide.matches("r[a-z2-7]{26}@magasins\\.demo\\.example") && !customerSide.equals(storeSide), customerSide);

        // the manager answers the forwarded e-mail from their own mail program
        String managerLeaky = "Reply-To: manager@demo.example\nSender: manager@demo.example\nReturn-Path: <manager@demo.example>\n";
        deliver(raw("Gerant <manager@demo.example>", customerSide, "relay-2@demo.example", managerLeaky, "Re: Réclamation",
            "Nous vous remboursons l'article en trop.\n\n-- \nGérant Lyon, manager@demo.example"));
        awaitSent(2);
        long manager = community.demo("manager").id();
        assertEquals(new PartiesOnlyMessages.Sent(complaint, manager, "Nous vous remboursons l'article en trop."),
            privateMessages.sent.get(1), "the manager's private message, without the signature after its separator");
        Awaitility.await("the complainant gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed(member.email()).size() == 1);
        MimeMessage toCustomer = relayed(member.email()).get(0);
        String rawToCustomer = GreenMailUtil.getWholeMessage(toCustomer);
        assertTrue(rawToCustomer.contains("remboursons"), rawToCustomer);
        assertFalse(rawToCustomer.contains("manager@demo.example"), "the manager's address: " + rawToCustomer);
        assertEquals(storeSide, ((InternetAddress) toCustomer.getReplyTo()[0]).getAddress(), "answering goes back through the relay");
        for (MimeMessage m : received("manager@demo.example")) {
            assertFalse(GreenMailUtil.getWholeMessage(m).contains(member.email()), "nothing the store got names the complainant");
        }
    }

    @Test
    void theRelayRefusesStrangersAndEachSidesAddressIsForItsOwnParty() throws Exception {
        Community.Member member = community.join("demo");
        long complaint = filedByMail(member, "Accueil désagréable", null);
        String storeSide = storeRelayAddress(member.email());
        deliver(raw("stranger@client.example", storeSide, "stranger-1@client.example", "", "Bonjour", "Je devine des adresses."));
        deliver(raw("manager@demo.example", storeSide, "wrong-side@demo.example", "", "Test", "Le mauvais côté."));
        deliver(raw(member.email(), storeSide, "fine-3@client.example", "", "Suite", "Merci de me répondre."));
        awaitSent(1);
        assertEquals(List.of(new PartiesOnlyMessages.Sent(complaint, member.id(), "Merci de me répondre.")), privateMessages.sent);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> relayed("manager@demo.example").size() == 1);
        assertEquals(List.of(), received("stranger@client.example"), "no bounce tells a stranger the address exists");
        assertEquals(2, sql("SELECT COUNT(*) FROM channels_mail_in WHERE kind = 'RELAY' AND outcome = 'REFUSED' "
            + "AND reason = 'the sender is not the complainant'"));
        assertEquals(1, sql("SELECT COUNT(*) FROM channels_mail_in WHERE kind = 'RELAY' AND outcome = 'SENT'"));
        // an address of the domain that was never given is no complaint's
        deliver(raw(member.email(), "rabcdefghijklmnopqrstuvwxyz@magasins.demo.example", "guess@client.example", "", "Essai", "Texte."));
        deliver(raw(member.email(), storeSide, "fine-4@client.example", "", "Suite", "Encore une chose."));
        Awaitility.await("the next message kept").atMost(Duration.ofSeconds(20))
            .until(() -> sql("SELECT COUNT(*) FROM channels_mail_in WHERE outcome = 'SENT'") == 2);
        assertEquals(2, privateMessages.sent.size());
        assertEquals(4, sql("SELECT COUNT(*) FROM channels_mail_in"), "the guessed address is nobody's: nothing kept for it");
    }

    @Test
    void theRelayStopsTheConfiguredPeriodAfterTheComplaintIsClosed() throws Exception {
        Community.Member member = community.join("demo");
        long complaint = filedByMail(member, "Produit défectueux", null);
        String storeSide = storeRelayAddress(member.email());
        assertEquals(201, community.respond(community.demo("manager"), "demo", complaint, "Nous le remplaçons.").status());
        assertEquals(200, community.resolve(member, "demo", complaint, false, 3, false).status());
        server.settle("channels");
        assertNotNull(server.core.db.inTransaction(c -> Sql.one(c, "SELECT closed_at FROM channels_complaint_closed "
            + "WHERE complaint_id = ?", rs -> rs.getTimestamp(1), complaint).orElse(null)), "the closing is known");

        deliver(raw(member.email(), storeSide, "closed-1@client.example", "", "Après", "Toujours pas remplacé."));
        awaitSent(1);
        clock.advance(Duration.ofDays(31));
        deliver(raw(member.email(), storeSide, "closed-2@client.example", "", "Trop tard", "Un mois plus tard."));
        Awaitility.await("the late message refused").atMost(Duration.ofSeconds(20)).until(() ->
            sql("SELECT COUNT(*) FROM channels_mail_in WHERE outcome = 'REFUSED' AND reason LIKE 'the relay stopped%'") == 1);
        assertEquals(1, privateMessages.sent.size());
        assertEquals(1, relayed("manager@demo.example").size(), "the late message reaches nobody");
    }

    @Test
    void eachPartyOfAComplaintFiledOnTheSiteGetsTheirSidesAddress() throws Exception {
        Community.Member member = community.join("demo");
        long complaint = community.complaintId(member, "LYON-PARTDIEU", false);
        String path = DEMO + "/complaints/" + complaint + "/relay";
        Http.Response mine = http.get(path, member.token());
        assertEquals(200, mine.status(), mine.toString());
        assertEquals("store", mine.json().get("reaches").asText());
        assertTrue(mine.json().get("open").asBoolean());
        String storeSide = mine.json().get("address").asText();
        assertEquals(storeSide, http.get(path, member.token()).json().get("address").asText(), "made once");
        Http.Response managers = http.get(path, community.demo("manager").token());
        assertEquals("complainant", managers.json().get("reaches").asText(), managers.toString());
        assertFalse(managers.json().get("address").asText().equals(storeSide));
        assertEquals(403, http.get(path, community.join("demo").token()).status(), "another member is no party");
        assertEquals(403, http.get(path, community.demo("admin").token()).status(), "nor is the brand's admin");
        assertEquals(401, http.get(path, null).status());
        assertEquals(404, http.get(DEMO + "/complaints/999999/relay", member.token()).status());

        deliver(raw(member.email(), storeSide, "site-1@client.example", "", "Question", "Avez-vous reçu ma photo ?"));
        Awaitility.await("the manager gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed("manager@demo.example").size() == 1);
        assertEquals(List.of(new PartiesOnlyMessages.Sent(complaint, member.id(), "Avez-vous reçu ma photo ?")), privateMessages.sent);
    }

    // ---- the relay and attachments with local managers: who handles the complaint for the store

    long storeId(String code) {
        long brandId = server.core.brands.find("demo").orElseThrow().id();
        return server.core.db.inTransaction(c -> server.core.platform.byCode(c, brandId, code)).orElseThrow().id();
    }

    String replyTo(MimeMessage m) throws Exception {
        return ((InternetAddress) m.getReplyTo()[0]).getAddress();
    }

    @Test
    void withLocalManagersTheRelayReachesTheAssignedManagerOnlyThenTheNewOneAfterADelegation() throws Exception {
        plugin.bindAssignments(privateMessages.assignments);
        Community.Member admin = community.demo("admin");
        Community.Member backup = community.join("demo");
        community.makeManager(admin, backup, "LYON-PARTDIEU");
        Community.Member paris = community.join("demo");
        community.makeManager(admin, paris, "PARIS-BERCY");
        Community.Member member = community.join("demo");
        long complaint = filedByMail(member, "Colis ouvert", null);
        privateMessages.assignments.set(new Assignment(complaint, storeId("LYON-PARTDIEU"), backup.id(), Assignment.Level.STORE,
            null, List.of()));
        String storeSide = storeRelayAddress(member.email());

        deliver(raw(member.email(), storeSide, "assigned-1@client.example", "", "Colis", "Le colis était ouvert."));
        awaitSent(1);
        Awaitility.await("the assigned manager gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed(backup.email()).size() == 1);
        assertEquals(List.of(), relayed("manager@demo.example"), "another manager of the same store does not");
        String customerSide = replyTo(relayed(backup.email()).get(0));
        String relayPath = DEMO + "/complaints/" + complaint + "/relay";
        assertEquals(customerSide, http.get(relayPath, backup.token()).json().get("address").asText());
        assertEquals(403, http.get(relayPath, community.demo("manager").token()).status(), "a manager it is not assigned to");
        deliver(raw("manager@demo.example", customerSide, "not-assigned@demo.example", "", "Re", "Je réponds quand même."));
        Awaitility.await("the other manager refused").atMost(Duration.ofSeconds(20)).until(() -> sql("SELECT COUNT(*) FROM "
            + "channels_mail_in WHERE outcome = 'REFUSED' AND reason = 'the sender does not handle the complaint for the store'") == 1);

        // delegated to the Paris store: its manager gets the next message, the former one no longer
        privateMessages.assignments.set(new Assignment(complaint, storeId("PARIS-BERCY"), paris.id(), Assignment.Level.STORE,
            null, List.of()));
        deliver(raw(member.email(), storeSide, "assigned-2@client.example", "", "Suite", "Toujours rien."));
        awaitSent(2);
        Awaitility.await("the new manager gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed(paris.email()).size() == 1);
        assertEquals(1, relayed(backup.email()).size(), "the former manager gets nothing more");
        assertEquals(List.of(), relayed("manager@demo.example"));
        assertEquals(403, http.get(relayPath, backup.token()).status(), "the former manager is no party any more");
        deliver(raw(paris.email(), customerSide, "paris-1@demo.example", "", "Re", "Nous vous rappelons demain."));
        awaitSent(3);
        assertEquals(new PartiesOnlyMessages.Sent(complaint, paris.id(), "Nous vous rappelons demain."), privateMessages.sent.get(2));
        Awaitility.await("the complainant gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed(member.email()).size() == 1);
    }

    @Test
    void onceEscalatedTheRegionsManagersGetTheRelayWriteThroughItAndReadTheAttachments() throws Exception {
        Community.Member region = community.join("demo");
        Community.Member otherRegion = community.join("demo");
        Community.Member member = community.join("demo");
        long complaint = filedByMailAndAssignedToTheStore(member, "Remboursement oublié");
        long manager = community.demo("manager").id();
        Http.Response added = http.send(http.builder(DEMO + "/complaints/" + complaint + "/attachments", member.token())
            .header("Content-Type", "image/jpeg")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(ChannelsScenarios.photo(320, 240, "ticket"))));
        assertEquals(201, added.status(), added.toString());
        String attachments = DEMO + "/complaints/" + complaint + "/attachments";
        String picture = added.json().get("href").asText();
        assertEquals(404, http.get(attachments, region.token()).status(), "not the region's before the escalation");

        privateMessages.assignments.set(new Assignment(complaint, storeId("LYON-PARTDIEU"), manager, Assignment.Level.REGION,
            "SUD-EST", List.of(region.id())));
        assertEquals(1, http.get(attachments, region.token()).json().get("items").size(), "the region's manager lists them");
        assertEquals(200, http.get(picture, region.token()).status(), "and reads the picture");
        assertEquals(404, http.get(attachments, otherRegion.token()).status(), "another region's manager, as anyone else");
        assertEquals(404, http.get(picture, otherRegion.token()).status());
        String relayPath = DEMO + "/complaints/" + complaint + "/relay";
        assertEquals("complainant", http.get(relayPath, region.token()).json().get("reaches").asText());
        assertEquals(403, http.get(relayPath, otherRegion.token()).status());

        String storeSide = storeRelayAddress(member.email());
        deliver(raw(member.email(), storeSide, "escalated-1@client.example", "", "Relance", "Personne ne m'a répondu."));
        awaitSent(1);
        Awaitility.await("the assigned manager and the region's").atMost(Duration.ofSeconds(20))
            .until(() -> relayed("manager@demo.example").size() == 1 && relayed(region.email()).size() == 1);
        assertEquals(List.of(), relayed(otherRegion.email()));
        String customerSide = replyTo(relayed(region.email()).get(0));
        deliver(raw(otherRegion.email(), customerSide, "other-region@demo.example", "", "Re", "Une autre région."));
        deliver(raw(region.email(), customerSide, "region-1@demo.example", "", "Re", "La région vous rembourse cette semaine."));
        awaitSent(2);
        assertEquals(new PartiesOnlyMessages.Sent(complaint, region.id(), "La région vous rembourse cette semaine."),
            privateMessages.sent.get(1));
        Awaitility.await("the complainant gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed(member.email()).size() == 1);
        assertFalse(GreenMailUtil.getWholeMessage(relayed(member.email()).get(0)).contains(region.email()), "the region's address");
        Awaitility.await("the other region refused").atMost(Duration.ofSeconds(20)).until(() -> sql("SELECT COUNT(*) FROM "
            + "channels_mail_in WHERE outcome = 'REFUSED' AND reason = 'the sender does not handle the complaint for the store'") == 1);
        assertEquals(2, privateMessages.sent.size());
    }

    @Test
    void onceWithTheCentralTeamTheBrandsAdminsGetTheRelayAndWriteThroughIt() throws Exception {
        Community.Member member = community.join("demo");
        Community.Member admin = community.demo("admin");
        long complaint = filedByMailAndAssignedToTheStore(member, "Garantie refusée");
        long manager = community.demo("manager").id();
        String relayPath = DEMO + "/complaints/" + complaint + "/relay";
        assertEquals(403, http.get(relayPath, admin.token()).status(), "not the central team's while the store handles it");

        // the store handed it over to the central team (which skips the region)
        privateMessages.assignments.set(new Assignment(complaint, storeId("LYON-PARTDIEU"), manager, Assignment.Level.CENTRAL,
            null, List.of()));
        assertEquals("complainant", http.get(relayPath, admin.token()).json().get("reaches").asText());
        String storeSide = storeRelayAddress(member.email());
        deliver(raw(member.email(), storeSide, "central-1@client.example", "", "Relance", "J'attends toujours."));
        awaitSent(1);
        Awaitility.await("the assigned manager and the central team").atMost(Duration.ofSeconds(20))
            .until(() -> relayed("manager@demo.example").size() == 1 && relayed(admin.email()).size() == 1);
        String customerSide = replyTo(relayed(admin.email()).get(0));
        deliver(raw(admin.email(), customerSide, "central-2@demo.example", "", "Re", "Le siège accepte la garantie."));
        awaitSent(2);
        assertEquals(new PartiesOnlyMessages.Sent(complaint, admin.id(), "Le siège accepte la garantie."),
            privateMessages.sent.get(1));
        Awaitility.await("the complainant gets it").atMost(Duration.ofSeconds(20)).until(() -> relayed(member.email()).size() == 1);
        assertFalse(GreenMailUtil.getWholeMessage(relayed(member.email()).get(0)).contains(admin.email()),
            "the central team's address stays hidden");
    }

    /** A complaint filed by e-mail that local managers' assignments (the test double) give the store's manager. */
    private long filedByMailAndAssignedToTheStore(Community.Member member, String title) throws Exception {
        plugin.bindAssignments(privateMessages.assignments);
        long complaint = filedByMail(member, title, null);
        privateMessages.assignments.set(new Assignment(complaint, storeId("LYON-PARTDIEU"), community.demo("manager").id(),
            Assignment.Level.STORE, null, List.of()));
        return complaint;
    }

    private long baseline() {
        return http.get(DEMO + "/complaints?store=LYON-PARTDIEU", null).json().get("total").asLong();
    }
}
