package org.entraide.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.awaitility.Awaitility;
import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.CoreSettings;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.mail.MailSettings;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.MutableClock;
import org.entraide.core.internal.support.TestServer;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reply by e-mail against a real SMTP and IMAP server (GreenMail): the notification e-mail carries a signed
 * {@code Reply-To}; a reply put into the inbound mailbox is read by the plugin's Camel mail consumer and becomes an
 * answer (through the core's submission path) or a complaint's private message, once, with only the new text; forged,
 * expired, other-brand tokens and other senders change nothing. The complaint side talks to a recording fake of
 * local managers' {@link PrivateMessages} (local managers' own tests cover the real one). Subclasses pick H2 or
 * PostgreSQL.
 */
abstract class ReplyByEmailScenarios {
    static final String DEMO = "/api/v1/brands/demo";
    static final String REPLY = "reply@localhost";
    private static final Pattern REPLY_TO = Pattern.compile("reply\\+[a-z0-9.]+@localhost");

    GreenMail greenMail;
    GreenMailUser inbound;
    TestServer server;
    NotificationsPlugin plugin;
    Http http;
    Community community;
    MutableClock clock;
    Member admin;
    Member customer;
    Member lucas;
    long brandId;
    final RecordingPrivateMessages privateMessages = new RecordingPrivateMessages();
    final Session session = Session.getInstance(new Properties());

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        int smtpPort = freePort();
        int imapPort = freePort();
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
            new ServerSetup(imapPort, "127.0.0.1", "imap")});
        greenMail.start();
        inbound = greenMail.setUser(REPLY, "reply", "secret");
        MailSettings mailSettings = MailSettings.defaults().withOutbox(Files.createTempDirectory("entraide-reply-test"))
            .withPoll(Duration.ofMillis(50)).withFrom("entraide@test.example").withSmtp("smtp://127.0.0.1:" + smtpPort);
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(20)).withMail(mailSettings)
            .withRateLimits(Map.of("login", 1000, "register", 1000, "post", 1000, "admin-login", 1000)));
        new DemoSeeder(server.core).seedIfAbsent();
        clock = new MutableClock(Instant.now());
        var p = server.core.platform;
        NotificationSettings settings = new NotificationSettings("https://entraide.example", null, Duration.ofMinutes(10), "fr",
            Duration.ofHours(1)).withReply(REPLY, "imap://127.0.0.1:" + imapPort
                + "?username=reply&password=secret&delete=false&unseen=true&initialDelay=0&delay=100");
        plugin = new NotificationsPlugin(server.core.db, server.core.migrator, server.core.endpoints, server.core.capabilities,
            new Platform(p, p, p, p, server.core.eventReader, server.core.contributions), server.core.mail, settings, clock);
        plugin.bindPrivateMessages(privateMessages);
        server.core.capabilities.install(new NotificationCapability());
        server.core.pipeline.add(new NotificationScenarios.HoldStep());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        http = new Http(server.base());
        community = new Community(http);
        admin = community.demo("admin");
        customer = community.demo("customer");
        lucas = community.demo("lucas");
        brandId = server.core.brands.find("demo").orElseThrow().id();
        assertEquals(200, http.put(DEMO + "/features", admin.token(), "{\"notifications\":true}").status());
        // the bell of a first page view: the plugin learns the brand's slug
        assertEquals(200, http.get(DEMO + "/me/notifications/count", admin.token()).status());
    }

    @AfterEach
    void stop() {
        server.close();
        greenMail.stop();
        dropDatabase();
    }

    /** Local managers' private messages as the plugin sees them: records what is sent, refuses "[refuse]". */
    static final class RecordingPrivateMessages implements PrivateMessages {
        record Sent(long brandId, long complaintId, long authorId, String text) {
        }

        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public void hide(Connection connection, long brandId, long messageId) {
        }

        @Override
        public long send(Connection connection, long brandId, long complaintId, long authorId, String text) {
            if (text.contains("[refuse]")) {
                throw ProblemException.forbidden("only the complainant and the manager the complaint is assigned to");
            }
            sent.add(new Sent(brandId, complaintId, authorId, text));
            return 1000 + sent.size();
        }
    }

    // ---- helpers

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The e-mails GreenMail received for that address. */
    long refusalsTo(String address) throws Exception {
        return received(address).stream().filter(m -> subject(m).startsWith("Votre réponse par e-mail")).count();
    }

    static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MimeMessage> received(String address) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (var r : m.getAllRecipients()) {
                if (((InternetAddress) r).getAddress().equalsIgnoreCase(address)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** A reply as a mail client writes it: the new text, the quoted notification, a signature. */
    MimeMessage reply(String messageId, String from, String to, String text) throws Exception {
        MimeMessage m = new FixedIdMessage(session, messageId);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject("Re: Nouvelle réponse à votre question", "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    /** Keeps the Message-ID a test gives, as a client's message keeps its own when it is delivered twice. */
    static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /** Waits until the plugin has read every message of the inbound mailbox (its consumer marks them seen). */
    void allRead() {
        Awaitility.await("the inbound mailbox is read").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
            .until(() -> {
                Store store = session.getStore("imap");
                store.connect("127.0.0.1", greenMail.getImap().getPort(), "reply", "secret");
                try {
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    int unread = inbox.getUnreadMessageCount();
                    inbox.close(false);
                    return unread == 0;
                } finally {
                    store.close();
                }
            });
    }

    JsonNode answers(long question) {
        return http.get(DEMO + "/questions/" + question, customer.token()).json().get("answers");
    }

    long replies(String where, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM ntf_reply WHERE " + where, params));
    }

    String token(long brand, long member, String threadType, long thread) {
        return plugin.replyTokens().token(brand, member, threadType, thread);
    }

    // ---- scenarios

    @Test
    void aReplyToAnAnswerNotificationBecomesAnAnswerWithOnlyTheNewTextOnce() throws Exception {
        long q = community.askId(customer, "Quelle cheville pour du placo ?");
        community.answerId(lucas, q);
        Awaitility.await("the asker's e-mail").atMost(Duration.ofSeconds(20)).until(() -> !received(customer.email()).isEmpty());
        MimeMessage notification = received(customer.email()).get(0);
        String replyTo = notification.getHeader("Reply-To", null);
        assertNotNull(replyTo, "a notification about a question carries a Reply-To");
        assertTrue(REPLY_TO.matcher(replyTo).matches(), replyTo);
        assertTrue(replyTo.length() - "@localhost".length() <= 64, "a local part fits in 64 characters: " + replyTo);
        assertTrue(notification.getHeader("List-Unsubscribe", null) != null, "still unsubscribable");

        MimeMessage reply = reply("<reply-1@client.example>", "Camille <CUSTOMER@Demo.Example>", "Entraide <" + replyTo + ">",
            "Merci ! La cheville Molly a tenu.\nJe valide.\n\n"
                + "Le lun. 2 mars 2026 à 10:00, Entraide <entraide@test.example> a\nécrit :\n"
                + "> Bonjour,\n> - Nouvelle réponse à votre question « Quelle cheville pour du placo ? »\n"
                + "\n-- \nCamille, bricoleuse du dimanche\n");
        inbound.deliver(reply);
        Awaitility.await("the reply becomes an answer").atMost(Duration.ofSeconds(20)).until(() -> answers(q).size() == 2);
        JsonNode answer = answers(q).get(1);
        assertEquals("Merci ! La cheville Molly a tenu.\nJe valide.", answer.get("body").asText(),
            "only the new text: no quoted notification, no signature");
        assertEquals(customer.pseudonym(), answer.get("author").get("pseudonym").asText());
        assertEquals(1, replies("outcome = 'PUBLISHED' AND member_id = ? AND thread_id = ?", customer.id(), q));

        // the same message read again (a second copy, or a mailbox marked unread): nothing more
        inbound.deliver(reply("<reply-1@client.example>", customer.email(), replyTo, "Merci ! La cheville Molly a tenu."));
        allRead();
        assertEquals(2, answers(q).size(), "one answer per message");
        assertEquals(1, replies("message_id = ?", "<reply-1@client.example>"));
    }

    @Test
    void aReplyGoesThroughTheSubmissionPathLikeAPostFromThePage() throws Exception {
        long q = community.askId(customer, "Quel foret pour du béton ?");
        String replyTo = "reply+" + token(brandId, customer.id(), "question", q) + "@localhost";
        // what the core refuses (here: no such question) is refused and remembered, so never read again
        String onAnswer = "reply+" + token(brandId, customer.id(), "question", 999_999) + "@localhost";
        inbound.deliver(reply("<nowhere@client.example>", customer.email(), onAnswer, "Un foret SDS."));
        inbound.deliver(reply("<long@client.example>", customer.email(), replyTo, "x".repeat(20_001)));
        allRead();
        assertEquals(0, answers(q).size());
        assertEquals(1, replies("outcome = 'REFUSED' AND message_id = ?", "<nowhere@client.example>"));
        assertEquals(0, replies("message_id = ?", "<long@client.example>"), "too long: not even read as a reply");
        // the member is told, in their language, with the reason; once, even when the message is read again
        Awaitility.await("the refusal's e-mail").atMost(Duration.ofSeconds(20)).until(() -> refusalsTo(customer.email()) == 1);
        MimeMessage told = received(customer.email()).stream().filter(m -> subject(m).startsWith("Votre réponse par e-mail"))
            .findFirst().orElseThrow();
        String body = String.valueOf(told.getContent() instanceof jakarta.mail.Multipart mp ? mp.getBodyPart(0).getContent()
            : told.getContent());
        assertTrue(body.contains("pour cette raison"), body);
        assertTrue(body.contains("https://entraide.example/b/demo/questions/999999"), body);
        inbound.deliver(reply("<nowhere@client.example>", customer.email(), onAnswer, "Un foret SDS."));
        allRead();
        assertEquals(1, replies("message_id = ?", "<nowhere@client.example>"));
        assertEquals(1, refusalsTo(customer.email()), "told once");
        inbound.deliver(reply("<held@client.example>", customer.email(), replyTo, "Voyez ce site [hold]"));
        allRead();
        assertEquals(1, replies("outcome = 'HELD' AND message_id = ? AND result_id IS NOT NULL", "<held@client.example>"),
            "held for review by the brand's submission steps, as from the page");
        inbound.deliver(reply("<ok@client.example>", customer.email(), replyTo, "Un foret SDS-plus de 8 mm."));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replies("message_id = ?", "<ok@client.example>") == 1);
        assertEquals(1, replies("outcome = 'PUBLISHED' AND message_id = ?", "<ok@client.example>"));
        assertEquals(1, http.get(DEMO + "/questions/" + q, null).json().get("answers").size(), "the held one is not public");
    }

    @Test
    void forgedExpiredOtherBrandTokensAndOtherSendersChangeNothing() throws Exception {
        long q = community.askId(customer, "Quelle colle pour du carrelage ?");
        String genuine = token(brandId, customer.id(), "question", q);
        String forged = genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("0") ? "1" : "0");
        String[] tokenParts = genuine.split("\\.");
        String otherMember = token(brandId, lucas.id(), "question", q).split("\\.")[1];
        String swapped = tokenParts[0] + "." + otherMember + "." + tokenParts[2] + "." + tokenParts[3] + "." + tokenParts[4];
        String otherBrand = token(brandId + 1000, customer.id(), "question", q);
        String unsubscribe = plugin.tokens().token(brandId, customer.id(), "answer.posted");
        inbound.deliver(reply("<forged@x>", customer.email(), "reply+" + forged + "@localhost", "Colle C2."));
        inbound.deliver(reply("<swapped@x>", lucas.email(), "reply+" + swapped + "@localhost", "Colle C2."));
        inbound.deliver(reply("<other-brand@x>", customer.email(), "reply+" + otherBrand + "@localhost", "Colle C2."));
        inbound.deliver(reply("<unsubscribe@x>", customer.email(), "reply+" + unsubscribe + "@localhost", "Colle C2."));
        inbound.deliver(reply("<wrong-sender@x>", lucas.email(), "reply+" + genuine + "@localhost", "Colle C2."));
        inbound.deliver(reply("<no-token@x>", customer.email(), REPLY, "Colle C2."));
        inbound.deliver(reply("<only-quote@x>", customer.email(), "reply+" + genuine + "@localhost",
            "\nOn Mon, 2 Mar 2026 at 10:00, Entraide <entraide@test.example> wrote:\n> Bonjour\n"));
        clock.advance(Duration.ofDays(91));
        inbound.deliver(reply("<expired@x>", customer.email(), "reply+" + genuine + "@localhost", "Colle C2."));
        allRead();
        assertEquals(0, answers(q).size(), "nothing was posted");
        assertEquals(0, replies("1 = 1"), "nothing was accepted");
        assertEquals(List.of(), privateMessages.sent);
    }

    @Test
    void complaintNotificationsCarryAReplyToAndTheManagersReplyReachesTheThread() throws Exception {
        Member manager = community.demo("manager");
        long complaint = community.complaintId(customer, "LYON-PARTDIEU", true);
        long store = server.core.db.inTransaction(c -> server.core.platform.byCode(c, brandId, "LYON-PARTDIEU")).orElseThrow().id();
        server.core.db.inTransaction(c -> server.core.events.append(c, org.entraide.api.event.NewEvent.of(brandId,
            org.entraide.api.localmanagers.LocalManagerEvents.COMPLAINT_ASSIGNED, null, "post", complaint,
            Map.of("complaintId", complaint, "storeId", store, "managerId", manager.id(), "dueAt", "2026-03-03T17:00:00Z"))));
        Awaitility.await("both parties' e-mails").atMost(Duration.ofSeconds(20))
            .until(() -> !received(customer.email()).isEmpty() && !received(manager.email()).isEmpty());
        String toComplainant = received(customer.email()).get(0).getHeader("Reply-To", null);
        String toManager = received(manager.email()).get(0).getHeader("Reply-To", null);
        assertTrue(toComplainant != null && REPLY_TO.matcher(toComplainant).matches(), String.valueOf(toComplainant));
        assertTrue(toManager != null && REPLY_TO.matcher(toManager).matches(), String.valueOf(toManager));
        assertTrue(!toComplainant.equals(toManager), "one address per recipient");

        inbound.deliver(reply("<manager@client.example>", manager.email(), toManager, "Pouvez-vous envoyer le ticket ?"));
        inbound.deliver(reply("<manager-as-customer@client.example>", manager.email(), toComplainant, "Usurpation"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> privateMessages.sent.size() == 1);
        allRead();
        assertEquals(List.of(new RecordingPrivateMessages.Sent(brandId, complaint, manager.id(), "Pouvez-vous envoyer le ticket ?")),
            privateMessages.sent, "the manager's reply only: the complainant's address is the complainant's alone");
    }

    @Test
    void aComplaintReplyBecomesAPrivateMessageOfThatThreadOnce() throws Exception {
        long complaint = 4242;
        String replyTo = "reply+" + token(brandId, customer.id(), "complaint", complaint) + "@localhost";
        MimeMessage html = new FixedIdMessage(session, "<html-reply@client.example>");
        html.setFrom(new InternetAddress(customer.email()));
        html.setRecipients(Message.RecipientType.TO, "someone@else.example");
        html.setRecipients(Message.RecipientType.CC, replyTo);
        html.setSubject("RE: Votre réclamation", "UTF-8");
        MimeBodyPart part = new MimeBodyPart();
        part.setContent("<html><head><style>p{}</style></head><body><p>Le ticket est joint &amp; lisible.</p>"
            + "<p>Merci</p><blockquote>Le magasin vous demande des précisions</blockquote>"
            + "<div>-----Original Message-----</div><div>De : Entraide</div></body></html>", "text/html; charset=UTF-8");
        html.setContent(new MimeMultipart(part));
        html.saveChanges();
        inbound.deliver(html);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> privateMessages.sent.size() == 1);
        // HTML paragraphs stay paragraphs; the quoted block and Outlook's original message go
        assertEquals(new RecordingPrivateMessages.Sent(brandId, complaint, customer.id(), "Le ticket est joint & lisible.\n\nMerci"),
            privateMessages.sent.get(0));
        // the recording service saw the message inside the reply's transaction: its row is there once that commits
        Awaitility.await("the reply's row").atMost(Duration.ofSeconds(20))
            .until(() -> replies("outcome = 'SENT' AND result_id = 1001") == 1);

        inbound.deliver(html);
        inbound.deliver(reply("<refused@client.example>", customer.email(), replyTo, "Encore un mot [refuse]"));
        allRead();
        assertEquals(1, privateMessages.sent.size(), "once per message; a refusal sends nothing");
        assertEquals(1, replies("outcome = 'REFUSED' AND message_id = ?", "<refused@client.example>"));

        plugin.unbindPrivateMessages(privateMessages);
        inbound.deliver(reply("<no-lm@client.example>", customer.email(), replyTo, "Sans gérants locaux"));
        allRead();
        assertEquals(1, privateMessages.sent.size());
        assertEquals(1, replies("outcome = 'REFUSED' AND message_id = ?", "<no-lm@client.example>"),
            "without local managers a complaint reply is refused");
    }
}
