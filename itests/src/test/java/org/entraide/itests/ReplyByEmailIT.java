package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.KarafProcess;
import org.junit.Test;

/**
 * Reply by e-mail in Karaf: the complainant answers the e-mail telling them the store responded; the reply, put in
 * the IMAP mailbox the notifications plugin reads (GreenMail, outside Karaf), becomes a private message of the
 * complaint's thread, which the store's manager reads. And the whole e-mail journey of a store's address (channels).
 */
public class ReplyByEmailIT {
    private static final String DEMO = "/api/v1/brands/demo";

    @Test
    public void aComplainantsReplyByEmailBecomesAPrivateMessageOfTheComplaint() throws Exception {
        GreenMail mail = startMail();
        try {
            GreenMailUser inbound = mail.setUser("reply@itest.example", "reply", "secret");
            try (KarafProcess karaf = KarafProcess.unpack("reply-by-email", mailConfig(mail))) {
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
                long unreadBefore = unread(api, customer);

                ApiClient.Response filed = api.post(DEMO + "/complaints", customer, "{\"title\":\"Colis jamais livré\","
                    + "\"body\":\"Commande passée il y a trois semaines, rien reçu.\",\"storeCode\":\"LYON-PARTDIEU\"}");
                assertEquals(filed.toString(), 201, filed.status());
                long id = filed.json.get("id").asLong();
                // the store's manager gets the assignment by e-mail, which does not name the complainant
                MimeMessage assigned = received(mail, "manager@demo.example", m -> m.getSubject().contains("Colis jamais livré"));
                String assignment = GreenMailUtil.getWholeMessage(assigned);
                assertTrue(assignment, assignment.contains("/b/demo/manager"));
                assertTrue(assignment, !assignment.contains("customer@demo.example"));
                Awaitility.await("the manager is assigned").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    api.post(DEMO + "/complaints/" + id + "/responses", manager,
                        "{\"body\":\"Nous relançons le transporteur aujourd'hui.\"}").status() == 201);
                // the complainant's bell counts the complaint's sending and its response
                Awaitility.await("the complainant's bell").atMost(Duration.ofSeconds(60)).until(() ->
                    unread(api, customer) >= unreadBefore + 2);

                MimeMessage told = toldOfResponse(mail, "Colis jamais livré");
                String replyTo = told.getHeader("Reply-To", null);
                assertNotNull(replyTo);
                assertTrue(replyTo, replyTo.startsWith("reply+") && replyTo.endsWith("@itest.example"));

                inbound.deliver(answer(told, "Merci, j'attends des nouvelles du transporteur.\n\n> "
                    + "Nous relançons le transporteur."));

                Awaitility.await("the reply in the complaint's private thread").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        ApiClient.Response thread = api.get(DEMO + "/complaints/" + id + "/messages", manager);
                        return thread.status() == 200 && thread.raw.body().contains("j'attends des nouvelles du transporteur");
                    });
                String thread = api.get(DEMO + "/complaints/" + id + "/messages", manager).raw.body();
                assertTrue("the quoted text is left out: " + thread, !thread.contains("> Nous relançons"));

                // and the complainant evaluates the answer
                ApiClient.Response verdict = api.post(DEMO + "/complaints/" + id + "/resolution", customer,
                    "{\"resolved\":true,\"rating\":8,\"wouldBuyAgain\":true}");
                assertEquals(verdict.toString(), 200, verdict.status());
                assertEquals("RESOLVED", api.get(DEMO + "/complaints/" + id, customer).json.get("status").asText());
            }
        } finally {
            mail.stop();
        }
    }

    /**
     * The e-mail journey of a store's address: a customer writes to the store (through GreenMail's SMTP server), confirms
     * by the link e-mailed to them, and the complaint is routed to that store's manager; the manager answers from the
     * console, the customer gets it by e-mail and replies by e-mail (into the private thread), writes to the store
     * through the contact relay (the manager gets it from a masked address), then evaluates.
     */
    @Test
    public void aMessageToAStoresAddressBecomesAComplaintAnsweredAndEvaluatedByEmail() throws Exception {
        GreenMail mail = startMail();
        try {
            GreenMailUser replies = mail.setUser("reply@itest.example", "reply", "secret");
            // the operator delivers every address of the brand's inbound domain to this one mailbox
            GreenMailUser stores = mail.setUser("lyon-partdieu@magasins.itest.example", "stores", "secret");
            Map<String, Map<String, String>> config = mailConfig(mail);
            config.put("org.entraide.channels.cfg", Map.of("intake.imap.uri", imap(mail, "stores")));
            try (KarafProcess karaf = KarafProcess.unpack("store-email-journey", config)) {
                karaf.bootFeature("entraide-local-managers");
                karaf.bootFeature("entraide-notifications");
                karaf.bootFeature("entraide-channels");
                ApiClient api = karaf.start();
                Awaitility.await("capabilities").atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                    String listed = api.get(DEMO + "/features", null).raw.body();
                    return listed.contains("\"local-managers\"") && listed.contains("\"notifications\"")
                        && listed.contains("\"channels\"");
                });
                String admin = api.login("demo", "admin@demo.example", "entraide-demo");
                assertEquals(200, api.put(DEMO + "/features", admin,
                    "{\"local-managers\":true,\"notifications\":true,\"channels\":true}").status());
                ApiClient.Response domain = api.put(DEMO + "/channels/settings", admin,
                    "{\"embedOrigins\":[],\"inboundDomain\":\"magasins.itest.example\"}");
                assertEquals(domain.toString(), 200, domain.status());
                String customer = api.login("demo", "customer@demo.example", "entraide-demo");
                String manager = api.login("demo", "manager@demo.example", "entraide-demo");

                // 1. the customer writes to the store's address from their own mail program
                stores.deliver(fromCustomer("LYON-PARTDIEU@magasins.itest.example", "Table livrée rayée",
                    "La table livrée hier a une longue rayure sur le plateau."));
                MimeMessage confirmation = received(mail, "customer@demo.example", "<channels-intake-");
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("/b/demo/intake/([A-Za-z0-9_-]{43})")
                    .matcher(text(confirmation));
                assertTrue(text(confirmation), link.find());
                ApiClient.Response filed = api.post(DEMO + "/channels/intake/" + link.group(1), null, "");
                assertEquals(filed.toString(), 200, filed.status());
                assertEquals("PUBLISHED", filed.json.get("status").asText());
                long id = filed.json.get("complaintId").asLong();

                // 2. routed to the store's manager, who answers from the console
                Awaitility.await("the complaint in the manager's inbox").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> api.get(DEMO + "/managers/me/complaints?size=50", manager).raw.body().contains("Table livrée rayée"));
                ApiClient.Response response = api.post(DEMO + "/complaints/" + id + "/responses", manager,
                    "{\"body\":\"Nous passons demain changer le plateau.\"}");
                assertEquals(response.toString(), 201, response.status());

                // 3. the customer gets it by e-mail and replies by e-mail: a private message the manager reads
                MimeMessage told = toldOfResponse(mail, "Table livrée rayée");
                replies.deliver(answer(told, "Demain matin me convient.\n\n> Nous passons demain changer le plateau."));
                Awaitility.await("the reply in the private thread").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() ->
                        api.get(DEMO + "/complaints/" + id + "/messages", manager).raw.body().contains("Demain matin me convient"));

                // 4. the customer writes to the store through the relay: the manager gets it from a masked address
                MimeMessage filedMail = received(mail, "customer@demo.example", "<channels-filed-");
                String relay = ((InternetAddress) filedMail.getReplyTo()[0]).getAddress();
                assertTrue(relay, relay.matches("r[a-z2-7]{26}@magasins\\.itest\\.example"));
                stores.deliver(fromCustomer(relay, "Re: Réclamation enregistrée", "Le code de la porte est 4B."));
                MimeMessage forwarded = received(mail, "manager@demo.example", "<channels-relay-");
                String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(forwarded);
                assertTrue(raw, raw.contains("Le code de la porte est 4B."));
                assertTrue("the customer's address is not in what the store gets: " + raw, !raw.contains("customer@demo.example"));

                // 5. the customer evaluates
                ApiClient.Response verdict = api.post(DEMO + "/complaints/" + id + "/resolution", customer,
                    "{\"resolved\":true,\"rating\":9,\"wouldBuyAgain\":true}");
                assertEquals(verdict.toString(), 200, verdict.status());
                assertEquals("RESOLVED", api.get(DEMO + "/complaints/" + id, customer).json.get("status").asText());
            }
        } finally {
            mail.stop();
        }
    }

    /** GreenMail's SMTP and IMAP servers on free ports of this machine, started. */
    private static GreenMail startMail() throws java.io.IOException {
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", "smtp"),
            new ServerSetup(freePort(), "127.0.0.1", "imap")});
        mail.start();
        return mail;
    }

    /**
     * The configuration of a Karaf that sends its e-mails through {@code mail} and reads replies from its mailbox
     * {@code reply}; a test adds its own.
     */
    private static Map<String, Map<String, String>> mailConfig(GreenMail mail) {
        Map<String, Map<String, String>> config = new HashMap<>();
        config.put("org.entraide.core.cfg", Map.of("demo.enabled", "true", "events.poll.millis", "50",
            "mail.poll.millis", "100", "mail.smtp.uri", "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
            "mail.from", "entraide@itest.example"));
        config.put("org.entraide.notifications.cfg", Map.of("email.thread.window.minutes", "0",
            "reply.address", "reply@itest.example", "reply.imap.uri", imap(mail, "reply")));
        return config;
    }

    /** The URI by which a plugin reads a GreenMail mailbox (password "secret"), new messages only, every half second. */
    private static String imap(GreenMail mail, String user) {
        return "imap://127.0.0.1:" + mail.getImap().getPort() + "?username=" + user
            + "&password=secret&delete=false&unseen=true&initialDelay=0&delay=500";
    }

    /** The e-mail telling the customer the store responded to their complaint, once it arrived; replies go to reply+…. */
    private static MimeMessage toldOfResponse(GreenMail mail, String title) {
        return Awaitility.await("the customer's e-mail about the response").atMost(Duration.ofSeconds(90))
            .until(() -> Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    String replyTo = m.getHeader("Reply-To", null);
                    return m.getAllRecipients()[0].toString().equals("customer@demo.example")
                        && replyTo != null && replyTo.startsWith("reply+") && m.getSubject().contains(title);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null), m -> m != null);
    }

    /** An e-mail the customer writes from their own mail program. */
    private static MimeMessage fromCustomer(String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("customer@demo.example"));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    /** The customer's answer to an e-mail they got, sent to its Reply-To address. */
    private static MimeMessage answer(MimeMessage got, String text) throws MessagingException {
        MimeMessage reply = fromCustomer(got.getHeader("Reply-To", null), "Re: " + got.getSubject(), text);
        reply.setHeader("In-Reply-To", got.getMessageID());
        reply.saveChanges();
        return reply;
    }

    /** The first e-mail GreenMail received for that address whose Message-ID starts so, once it arrived. */
    private static MimeMessage received(GreenMail mail, String to, String messageIdPrefix) {
        return Awaitility.await("an e-mail " + messageIdPrefix + " to " + to).atMost(Duration.ofSeconds(90))
            .until(() -> Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(to) && m.getMessageID() != null
                        && m.getMessageID().startsWith(messageIdPrefix);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null), m -> m != null);
    }

    /** A test of a received message that may throw, as jakarta.mail's getters do. */
    private interface Check {
        boolean test(MimeMessage m) throws Exception;
    }

    private static MimeMessage received(GreenMail mail, String to, Check which) {
        return Awaitility.await("an e-mail to " + to).atMost(Duration.ofSeconds(90))
            .until(() -> Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(to) && which.test(m);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null), m -> m != null);
    }

    private static long unread(ApiClient api, String token) {
        ApiClient.Response r = api.get(DEMO + "/me/notifications/count", token);
        assertEquals(r.toString(), 200, r.status());
        return r.json.get("unread").asLong();
    }

    private static String text(MimeMessage m) throws Exception {
        return String.valueOf(m.getContent());
    }

    private static int freePort() {
        return org.entraide.itests.support.Ports.free();
    }
}
