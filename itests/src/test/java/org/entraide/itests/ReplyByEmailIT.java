package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.KarafProcess;
import org.junit.Test;

/**
 * Reply by e-mail in Karaf: the complainant answers the e-mail telling them the store responded; the reply, put in
 * the IMAP mailbox the notifications plugin reads (GreenMail, outside Karaf), becomes a private message of the
 * complaint's thread, which the store's manager reads.
 */
public class ReplyByEmailIT {
    private static final String DEMO = "/api/v1/brands/demo";

    @Test
    public void aComplainantsReplyByEmailBecomesAPrivateMessageOfTheComplaint() throws Exception {
        int smtpPort = freePort();
        int imapPort = freePort();
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
            new ServerSetup(imapPort, "127.0.0.1", "imap")});
        mail.start();
        try {
            GreenMailUser inbound = mail.setUser("reply@itest.example", "reply", "secret");
            Map<String, Map<String, String>> config = Map.of(
                "org.entraide.core.cfg", Map.of("demo.enabled", "true", "events.poll.millis", "50", "mail.poll.millis", "100",
                    "mail.smtp.uri", "smtp://127.0.0.1:" + smtpPort, "mail.from", "entraide@itest.example"),
                "org.entraide.notifications.cfg", Map.of("email.thread.window.minutes", "0",
                    "reply.address", "reply@itest.example", "reply.imap.uri", "imap://127.0.0.1:" + imapPort
                        + "?username=reply&password=secret&delete=false&unseen=true&initialDelay=0&delay=500"));
            try (KarafProcess karaf = KarafProcess.unpack("reply-by-email", config)) {
                karaf.bootFeature("entraide-local-managers");
                karaf.bootFeature("entraide-notifications");
                ApiClient api = karaf.start();
                Awaitility.await("capabilities").atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                    String listed = api.get(DEMO + "/features", null).raw.body();
                    return listed.contains("\"local-managers\"") && listed.contains("\"notifications\"");
                });
                String admin = api.login("demo", "admin@demo.example", "entraide-demo");
                assertEquals(200, api.put(DEMO + "/features", admin, "{\"local-managers\":true,\"notifications\":true}").status());
                String customer = api.login("demo", "customer@demo.example", "entraide-demo");
                String manager = api.login("demo", "manager@demo.example", "entraide-demo");

                ApiClient.Response filed = api.post(DEMO + "/complaints", customer, "{\"title\":\"Colis jamais livré\","
                    + "\"body\":\"Commande passée il y a trois semaines, rien reçu.\",\"storeCode\":\"LYON-PARTDIEU\"}");
                assertEquals(filed.toString(), 201, filed.status());
                long id = filed.json.get("id").asLong();
                Awaitility.await("the manager is assigned").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    api.post(DEMO + "/complaints/" + id + "/responses", manager,
                        "{\"body\":\"Nous relançons le transporteur aujourd'hui.\"}").status() == 201);

                MimeMessage told = Awaitility.await("the complainant's e-mail about the response").atMost(Duration.ofSeconds(90))
                    .until(() -> Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals("customer@demo.example")
                                && m.getHeader("Reply-To", null) != null && m.getSubject().contains("Colis jamais livré");
                        } catch (Exception e) {
                            return false;
                        }
                    }).findFirst().orElse(null), m -> m != null);
                String replyTo = told.getHeader("Reply-To", null);
                assertNotNull(replyTo);
                assertTrue(replyTo, replyTo.startsWith("reply+") && replyTo.endsWith("@itest.example"));

                MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
                reply.setFrom(new InternetAddress("customer@demo.example"));
                reply.setRecipients(Message.RecipientType.TO, replyTo);
                reply.setSubject("Re: " + told.getSubject(), "UTF-8");
                reply.setHeader("In-Reply-To", told.getMessageID());
                reply.setText("Merci, j'attends des nouvelles du transporteur.\n\n> " + "Nous relançons le transporteur.", "UTF-8");
                reply.saveChanges();
                inbound.deliver(reply);

                Awaitility.await("the reply in the complaint's private thread").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        ApiClient.Response thread = api.get(DEMO + "/complaints/" + id + "/messages", manager);
                        return thread.status() == 200 && thread.raw.body().contains("j'attends des nouvelles du transporteur");
                    });
                String thread = api.get(DEMO + "/complaints/" + id + "/messages", manager).raw.body();
                assertTrue("the quoted text is left out: " + thread, !thread.contains("> Nous relançons"));
            }
        } finally {
            mail.stop();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
