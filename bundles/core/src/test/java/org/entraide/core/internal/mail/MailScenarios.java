package org.entraide.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.awaitility.Awaitility;
import org.entraide.api.mail.Mail.Queued;
import org.entraide.api.mail.OutgoingMail;
import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's e-mail against a real SMTP server (GreenMail) and the .eml outbox: exactly once, in the caller's
 * transaction, the suppression list, retries while the server is down, a permanent refusal, and what brand admins see.
 */
public abstract class MailScenarios extends ApiScenarios {
    private static final String SUBJECT = "Réponse à votre question « Perçeuse à chocs » — élève";
    private static final String TEXT = "Bonjour,\nUne réponse est arrivée : « Oui, c'est déjà réglé ».\n— L'équipe";
    private static final String HTML = "<p>Bonjour,</p><p>Une réponse est arrivée : <b>« Oui, c'est déjà réglé »</b>.</p>";
    private static final Map<String, String> UNSUBSCRIBE = Map.of(
        "List-Unsubscribe", "<https://entraide.example/unsubscribe/abc123>, <mailto:unsubscribe@entraide.example?subject=abc123>",
        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

    private GreenMail smtp;
    private Path outboxDir;
    private MailSettings base;
    private long brandId;
    private int keys;

    @Override
    protected CoreSettings settings() {
        try {
            outboxDir = Files.createTempDirectory("entraide-mail-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        base = MailSettings.defaults().withOutbox(outboxDir).withPoll(Duration.ofMillis(50))
            .withRetries(10, Duration.ofMillis(200)).withFrom("entraide@test.example");
        return CoreSettings.defaults().withMail(base);
    }

    @BeforeAll
    void startSmtp() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        brandId = server.core.brands.find("demo").orElseThrow().id();
    }

    @AfterEach
    void backToGreenMail() {
        server.core.mailSender.configure(viaGreenMail());
    }

    @AfterAll
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private MailSettings viaGreenMail() {
        return base.withSmtp("smtp://127.0.0.1:" + smtp.getSmtp().getPort());
    }

    private String key(String what) {
        return what + "-" + System.nanoTime() + "-" + (++keys);
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@example.org";
    }

    private Queued queue(String key, String to, String html, Map<String, String> headers) {
        return server.core.db.inTransaction(c -> server.core.mail.queue(c,
            new OutgoingMail(brandId, key, to, SUBJECT, TEXT, html, headers)));
    }

    private List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(to);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private String status(String key) {
        return server.core.db.inTransaction(c -> Sql.one(c, "SELECT status FROM mail_outbox WHERE mail_key = ?",
            rs -> rs.getString(1), key).orElse(null));
    }

    private boolean suppressed(String address) {
        return server.core.db.inTransaction(c -> server.core.mail.suppressed(c, address));
    }

    private long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    @Test
    void aQueuedMessageArrivesOnceWithEverythingInPlace() throws Exception {
        server.core.mailSender.configure(viaGreenMail());
        String to = address("ada");
        String key = key("notification");
        assertEquals(Queued.QUEUED, queue(key, to, HTML, UNSUBSCRIBE));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(key)));
        // the server may file what it accepted a moment after it answered
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !received(to).isEmpty());
        List<MimeMessage> got = received(to);
        assertEquals(1, got.size());
        checkContent(got.get(0), to, key);
        assertEquals(1, count("SELECT attempts FROM mail_outbox WHERE mail_key = ?", key));
        Thread.sleep(300);
        assertEquals(1, received(to).size(), "sent once");
    }

    /** What GreenMail received and the .eml file both hold. */
    private static void checkContent(MimeMessage m, String to, String key) throws Exception {
        assertEquals(to, m.getAllRecipients()[0].toString());
        assertEquals("entraide@test.example", m.getFrom()[0].toString());
        assertEquals(SUBJECT, m.getSubject(), "UTF-8 subject with accents");
        assertEquals("<" + key + "@entraide>", m.getMessageID(), "the idempotency key is the Message-ID");
        assertEquals(UNSUBSCRIBE.get("List-Unsubscribe"), MimeUtility.unfold(m.getHeader("List-Unsubscribe", null)),
            "long headers are folded, and unfold to the same value");
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"), parts.getBodyPart(0).getContentType());
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
        assertEquals(TEXT, String.valueOf(parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"), parts.getBodyPart(1).getContentType());
        assertEquals(HTML, String.valueOf(parts.getBodyPart(1).getContent()).replace("\r\n", "\n"));
    }

    @Test
    void theSameKeyTwiceIsOneMessageWithoutBreakingTheTransaction() throws Exception {
        server.core.mailSender.configure(viaGreenMail());
        String to = address("twice");
        String key = key("twice");
        List<Object> answers = server.core.db.inTransaction(c -> {
            Queued first = server.core.mail.queue(c, new OutgoingMail(brandId, key, to, SUBJECT, TEXT, null, Map.of()));
            Queued second = server.core.mail.queue(c, new OutgoingMail(brandId, key, to, "Other", "Other", null, Map.of()));
            // the transaction is still usable (on PostgreSQL a failed statement would have aborted it)
            long rows = Sql.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", key);
            return List.of(first, second, rows);
        });
        assertEquals(List.of(Queued.QUEUED, Queued.ALREADY_QUEUED, 1L), answers);
        assertEquals(Queued.ALREADY_QUEUED, queue(key, to, null, Map.of()), "in a later transaction too");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(key)));
        assertEquals(Queued.ALREADY_QUEUED, queue(key, to, null, Map.of()), "and once it is sent");
        Thread.sleep(300);
        assertEquals(1, received(to).size());
        assertEquals(SUBJECT, received(to).get(0).getSubject(), "the first one is kept");
    }

    @Test
    void aMessageQueuedByWorkThatRollsBackIsNeverSent() throws Exception {
        server.core.mailSender.configure(viaGreenMail());
        String to = address("rolledback");
        String key = key("rolledback");
        assertThrows(IllegalStateException.class, () -> server.core.db.inTransaction(c -> {
            assertEquals(Queued.QUEUED, server.core.mail.queue(c, new OutgoingMail(brandId, key, to, SUBJECT, TEXT, null,
                Map.of())));
            throw new IllegalStateException("the work fails after queuing");
        }));
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", key));
        String control = key("control");
        queue(control, to, null, Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(control)));
        assertEquals(1, received(to).size(), "only the committed one");
        assertEquals("<" + control + "@entraide>", received(to).get(0).getMessageID());
    }

    @Test
    void aSuppressedAddressGetsNothingWhateverItsCase() throws Exception {
        server.core.mailSender.configure(viaGreenMail());
        String to = address("Suppressed");
        server.core.db.inTransaction(c -> {
            server.core.mail.suppress(c, to.toUpperCase(), "complaint by the recipient");
            server.core.mail.suppress(c, to, "a second reason");
            return null;
        });
        assertTrue(suppressed(to.toLowerCase()));
        String key = key("suppressed");
        assertEquals(Queued.SUPPRESSED, queue(key, to, null, Map.of()));
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", key), "nothing queued");
        assertEquals("complaint by the recipient", server.core.db.inTransaction(c -> Sql.one(c,
            "SELECT reason FROM mail_suppression WHERE address = ?", rs -> rs.getString(1), to.toLowerCase()).orElseThrow()),
            "the first reason is kept");
        assertTrue(server.core.mail.unsuppress(to));
        String again = key("unsuppressed");
        assertEquals(Queued.QUEUED, queue(again, to, null, Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(again)));
        assertEquals(1, received(to).size());
    }

    @Test
    void manyMessagesQueuedTogetherAreEachQueuedSuppressedOrAlreadyThereAsOneByOne() throws Exception {
        server.core.mailSender.configure(viaGreenMail());
        String suppressedTo = address("Gone");
        server.core.mail.suppress(suppressedTo.toLowerCase(), "hard bounce");
        String earlier = key("earlier");
        queue(earlier, address("earlier"), null, Map.of());
        // more than one INSERT's worth, with a key already queued, a suppressed address and a key given twice
        List<OutgoingMail> mails = new java.util.ArrayList<>();
        List<String> fresh = new java.util.ArrayList<>();
        String to = address("many");
        for (int i = 0; i < MailQueue.ROWS_PER_INSERT + 30; i++) {
            String k = key("many-" + i);
            fresh.add(k);
            mails.add(new OutgoingMail(brandId, k, to, SUBJECT + " " + i, TEXT, i % 2 == 0 ? HTML : null,
                i % 3 == 0 ? UNSUBSCRIBE : Map.of()));
        }
        mails.add(5, new OutgoingMail(brandId, earlier, to, SUBJECT, TEXT, null, Map.of()));
        mails.add(40, new OutgoingMail(brandId, key("suppressed"), suppressedTo.toUpperCase(), SUBJECT, TEXT, null, Map.of()));
        mails.add(new OutgoingMail(brandId, fresh.get(7), to, "The same key again", TEXT, null, Map.of()));
        List<Queued> out = server.core.db.inTransaction(c -> server.core.mail.queueAll(c, mails));
        assertEquals(mails.size(), out.size());
        assertEquals(Queued.ALREADY_QUEUED, out.get(5), "queued in an earlier transaction");
        assertEquals(Queued.SUPPRESSED, out.get(40));
        assertEquals(Queued.ALREADY_QUEUED, out.get(out.size() - 1), "the first of two with one key is queued");
        assertEquals(fresh.size(), out.stream().filter(q -> q == Queued.QUEUED).count());
        assertEquals(SUBJECT + " 7", server.core.db.inTransaction(c -> Sql.one(c,
            "SELECT subject FROM mail_outbox WHERE mail_key = ?", rs -> rs.getString(1), fresh.get(7)).orElseThrow()));
        allSentOnce(fresh, to);
        MimeMessage third = received(to).stream().filter(m -> {
            try {
                return m.getMessageID().equals("<" + fresh.get(3) + "@entraide>");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertEquals(UNSUBSCRIBE.get("List-Unsubscribe"), MimeUtility.unfold(
            third.getHeader("List-Unsubscribe")[0]), "headers kept");

        // one message that is not valid queues none, and the transaction goes on
        String untouched = key("untouched");
        assertThrows(IllegalArgumentException.class, () -> server.core.db.inTransaction(c -> server.core.mail.queueAll(c,
            List.of(new OutgoingMail(brandId, untouched, to, SUBJECT, TEXT, null, Map.of()),
                new OutgoingMail(brandId, key("bad"), "not an address", SUBJECT, TEXT, null, Map.of())))));
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?", untouched));
        assertEquals(List.of(), server.core.db.inTransaction(c -> server.core.mail.queueAll(c, List.of())));
    }

    @Test
    void whileTheServerIsDownMessagesAreRetriedThenDeliveredOnce() throws Exception {
        server.core.mailSender.configure(base.withSmtp("smtp://127.0.0.1:" + freePort()));
        String to = address("patient");
        String key = key("retried");
        queue(key, to, null, Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            count("SELECT attempts FROM mail_outbox WHERE mail_key = ?", key) >= 2);
        assertEquals("QUEUED", status(key), "still to be sent");
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ? AND last_error IS NOT NULL "
            + "AND next_attempt_at > created_at", key), "the error is kept and the next attempt is later");
        server.core.mailSender.configure(viaGreenMail());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(key)));
        assertTrue(count("SELECT attempts FROM mail_outbox WHERE mail_key = ?", key) >= 3, "every attempt is counted");
        Thread.sleep(300);
        assertEquals(1, received(to).size());
    }

    @Test
    void afterTheLastAttemptAMessageIsFailedWithItsError() {
        server.core.mailSender.configure(base.withSmtp("smtp://127.0.0.1:" + freePort()).withRetries(2, Duration.ofMillis(50)));
        String key = key("failing");
        queue(key, address("never"), null, Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(key)));
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ? AND attempts = 2 AND sent_at IS NULL "
            + "AND last_error IS NOT NULL", key));
    }

    @Test
    void aPermanentRefusalOfTheRecipientSuppressesTheAddress() throws Exception {
        try (RejectingSmtpServer rejecting = new RejectingSmtpServer()) {
            server.core.mailSender.configure(base.withSmtp("smtp://127.0.0.1:" + rejecting.port()));
            String to = address("Unknown");
            String key = key("refused");
            queue(key, to, null, Map.of());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(key)));
            assertEquals(1, count("SELECT attempts FROM mail_outbox WHERE mail_key = ?", key), "not retried");
            String error = server.core.db.inTransaction(c -> Sql.one(c, "SELECT last_error FROM mail_outbox WHERE mail_key = ?",
                rs -> rs.getString(1), key).orElseThrow());
            assertTrue(error.contains("550"), error);
            assertFalse(error.toLowerCase().contains(to.toLowerCase()), "the error names no address: " + error);
            assertTrue(suppressed(to));
            assertEquals(Queued.SUPPRESSED, queue(key("after"), to, null, Map.of()));
        }
    }

    /** Queues {@code n} messages to {@code to} in one transaction; their keys. */
    private List<String> queueMany(int n, String to) {
        List<String> keys = java.util.stream.IntStream.range(0, n).mapToObj(i -> key("batch")).toList();
        server.core.db.inTransaction(c -> {
            for (String k : keys) {
                assertEquals(Queued.QUEUED, server.core.mail.queue(c, new OutgoingMail(brandId, k, to, SUBJECT, TEXT, null,
                    Map.of())));
            }
            return null;
        });
        return keys;
    }

    /** Every message SENT at its first attempt, and received once, under its own Message-ID. */
    private void allSentOnce(List<String> keys, String to) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(k -> "SENT".equals(status(k))));
        for (String k : keys) {
            assertEquals(1, count("SELECT attempts FROM mail_outbox WHERE mail_key = ?", k), k);
        }
        Thread.sleep(300);
        List<String> ids = new java.util.ArrayList<>();
        for (MimeMessage m : received(to)) {
            ids.add(m.getMessageID());
        }
        assertEquals(keys.stream().map(k -> "<" + k + "@entraide>").sorted().toList(), ids.stream().sorted().toList(),
            "each message once");
    }

    @Test
    void aBatchGoesOverOneOpenConnectionPerSendingThread() throws Exception {
        try (SmtpProxy proxy = new SmtpProxy(smtp.getSmtp().getPort(), 0)) {
            server.core.mailSender.configure(base.withSmtp("smtp://127.0.0.1:" + proxy.port()).withSmtpConnections(1));
            String to = address("batch");
            allSentOnce(queueMany(25, to), to);
            assertEquals(1, proxy.connections(), "25 messages, one connection");

            server.core.mailSender.configure(base.withSmtp("smtp://127.0.0.1:" + proxy.port()).withSmtpConnections(4));
            String many = address("parallel");
            allSentOnce(queueMany(30, many), many);
            int after = proxy.connections() - 1;
            assertTrue(after >= 1 && after <= 4, "30 messages through 4 sending threads, each on its connection: " + after);
        }
    }

    @Test
    void aConnectionDroppedMidBatchIsReplacedAndNothingIsLostOrSentTwice() throws Exception {
        try (SmtpProxy proxy = new SmtpProxy(smtp.getSmtp().getPort(), 4)) {
            server.core.mailSender.configure(base.withSmtp("smtp://127.0.0.1:" + proxy.port()).withSmtpConnections(1));
            String to = address("dropped");
            List<String> keys = queueMany(10, to);
            allSentOnce(keys, to);
            assertTrue(proxy.cut(), "the connection was cut before the 4th message");
            assertEquals(2, proxy.connections(), "the rest of the batch went over a second connection");
        }
    }

    @Test
    void withoutSmtpEachMessageIsAnEmlFileWithTheSameContent() throws Exception {
        server.core.mailSender.configure(base);
        String to = address("demo");
        String key = key("eml");
        queue(key, to, HTML, UNSUBSCRIBE);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(key)));
        long id = count("SELECT id FROM mail_outbox WHERE mail_key = ?", key);
        Path file = outboxDir.resolve(id + "-" + key + ".eml");
        assertTrue(Files.isRegularFile(file), "named <id>-<key>.eml: " + file);
        try (InputStream in = Files.newInputStream(file)) {
            checkContent(new MimeMessage(Session.getInstance(new Properties()), in), to, key);
        }
        try (Stream<Path> files = Files.list(outboxDir)) {
            assertEquals(List.of(), files.filter(f -> !f.getFileName().toString().endsWith(".eml")).toList(),
                "no temporary file is left");
        }
        assertEquals(0, received(to).size(), "nothing went to the SMTP server");
    }

    @Test
    void sizesAndHeadersAreChecked() {
        String to = address("limits");
        IllegalArgumentException subject = assertThrows(IllegalArgumentException.class, () -> server.core.db.inTransaction(c ->
            server.core.mail.queue(c, new OutgoingMail(brandId, key("big"), to, "x".repeat(301), TEXT, null, Map.of()))));
        assertTrue(subject.getMessage().contains("subject"), subject.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> server.core.db.inTransaction(c ->
            server.core.mail.queue(c, new OutgoingMail(brandId, key("big"), to, SUBJECT, "x".repeat(100_001), null, Map.of()))));
        assertTrue(text.getMessage().contains("text"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> server.core.db.inTransaction(c ->
            server.core.mail.queue(c, new OutgoingMail(brandId, key("big"), to, SUBJECT, TEXT, "x".repeat(100_001), Map.of()))));
        assertThrows(IllegalArgumentException.class, () -> server.core.db.inTransaction(c ->
            server.core.mail.queue(c, new OutgoingMail(brandId, key("to"), to, SUBJECT, TEXT, null, Map.of("Bcc", "x@y.z")))),
            "the platform writes the addressing headers itself");
        assertThrows(IllegalArgumentException.class, () -> server.core.db.inTransaction(c ->
            server.core.mail.queue(c, new OutgoingMail(brandId, key("to"), "Ada <ada@example.org>, eve@example.org", SUBJECT,
                TEXT, null, Map.of()))), "one bare address");
        // the largest allowed bodies go through
        String big = key("largest");
        assertEquals(Queued.QUEUED, server.core.db.inTransaction(c -> server.core.mail.queue(c, new OutgoingMail(brandId, big,
            to, "é".repeat(300), "é".repeat(100_000), "<p>" + "é".repeat(99_993) + "</p>", Map.of()))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(big)));
    }

    @Test
    void brandAdminsSeeTheirOutboxWithoutRecipients() {
        server.core.mailSender.configure(base);
        String to = address("complainant");
        String key = key("admin-view");
        queue(key, to, HTML, UNSUBSCRIBE);
        long id = count("SELECT id FROM mail_outbox WHERE mail_key = ?", key);
        String list = "/api/v1/brands/demo/mail/outbox?page=1&size=100";
        String one = "/api/v1/brands/demo/mail/outbox/" + id;

        assertEquals(401, http.get(list, null).status());
        assertEquals(401, http.get(one, null).status());
        Member member = community.join("demo");
        assertEquals(403, http.get(list, member.token()).status());
        assertEquals(403, http.get(one, member.token()).status());
        Member manager = community.demo("manager");
        assertEquals(403, http.get(list, manager.token()).status(), "staff, but not a brand admin");
        Member otherAdmin = otherBrandAdmin();
        assertEquals(403, http.get(list, otherAdmin.token()).status(), "another brand's admin");
        assertEquals(403, http.get(one, otherAdmin.token()).status());
        assertEquals(404, http.get("/api/v1/brands/other/mail/outbox/" + id, otherAdmin.token()).status(),
            "demo's message is not in the other brand's outbox");
        assertEquals(0, http.get("/api/v1/brands/other/mail/outbox", otherAdmin.token()).json().get("total").asLong());

        Member admin = community.demo("admin");
        Http.Response page = http.get(list, admin.token());
        assertEquals(200, page.status(), page.toString());
        assertFalse(page.raw().body().toLowerCase().contains(to.toLowerCase()), "no recipient in the list");
        JsonNode entry = null;
        for (JsonNode item : page.json().get("items")) {
            if (item.get("id").asLong() == id) {
                entry = item;
            }
        }
        assertTrue(entry != null, page.toString());
        assertEquals(key, entry.get("key").asText());
        assertEquals(SUBJECT, entry.get("subject").asText());
        assertTrue(List.of("QUEUED", "SENT").contains(entry.get("status").asText()));
        assertTrue(entry.has("createdAt") && entry.has("attempts") && entry.has("lastError") && entry.has("sentAt"));
        assertFalse(entry.has("to") || entry.has("toAddress"));

        Http.Response message = http.get(one, admin.token());
        assertEquals(200, message.status(), message.toString());
        assertFalse(message.raw().body().toLowerCase().contains(to.toLowerCase()), "no recipient in the message");
        assertEquals(TEXT, message.json().get("text").asText());
        assertEquals(HTML, message.json().get("html").asText());
        assertEquals("List-Unsubscribe=One-Click", message.json().get("headers").get("List-Unsubscribe-Post").asText());
        assertEquals(404, http.get("/api/v1/brands/demo/mail/outbox/999999999", admin.token()).status());
    }

    private Member otherBrandAdmin() {
        if (server.core.brands.find("other").isEmpty()) {
            server.core.administration.createBrand("other", "Other", "boss@other.example", DemoSeeder.PASSWORD, "Boss");
        }
        return community.login("other", "boss@other.example", DemoSeeder.PASSWORD);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
