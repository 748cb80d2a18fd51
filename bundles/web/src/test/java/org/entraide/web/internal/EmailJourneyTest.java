package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import org.entraide.api.localmanagers.PrivateMessages;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.notifications.internal.NotificationCapability;
import org.entraide.notifications.internal.NotificationSettings;
import org.entraide.notifications.internal.NotificationsPlugin;
import org.entraide.notifications.internal.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A complaint's whole loop in headless chromium with real e-mail: the core sends through a real SMTP server and the
 * notifications plugin reads replies from a real IMAP mailbox (GreenMail, both on loopback). The complainant files in
 * the browser, the store's manager is told by e-mail and answers on the console, the complainant's bell counts it and
 * their e-mail carries a reply address, their reply by e-mail reaches the manager's console, and the complainant
 * evaluates the answer on the complaint's page.
 */
class EmailJourneyTest extends BrowserTestBase {
    private static final String REPLY = "reply@test.example";
    private GreenMail mail;
    private GreenMailUser inbound;

    EmailJourneyTest() {
        super(Db.H2);
    }

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Chromium.available() || System.getenv("CI") != null, "no /usr/bin/chromium");
        int smtpPort = freePort();
        int imapPort = freePort();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
            new ServerSetup(imapPort, "127.0.0.1", "imap")});
        mail.start();
        inbound = mail.setUser(REPLY, "reply", "secret");
        server.core.mailSender.configure(server.core.mailSender.settings().withSmtp("smtp://127.0.0.1:" + smtpPort)
            .withFrom("entraide@test.example"));
        Plugins.localManagers(server);
        var p = server.core.platform;
        // no grouping window: the complaint's second e-mail (the response) leaves at once, as the first did
        NotificationSettings settings = new NotificationSettings(server.base(), null, Duration.ZERO, "fr", Duration.ofSeconds(1),
            REPLY, "imap://127.0.0.1:" + imapPort + "?username=reply&password=secret&delete=false&unseen=true&initialDelay=0"
                + "&delay=200", Duration.ofDays(90));
        NotificationsPlugin plugin = new NotificationsPlugin(server.core.db, server.core.migrator, server.core.endpoints,
            server.core.capabilities, new Platform(p, p, p, p, server.core.eventReader, server.core.contributions),
            server.core.mail, settings, Clock.systemUTC());
        server.bindWhenInstalled(PrivateMessages.class, plugin::bindPrivateMessages);
        server.core.capabilities.install(new NotificationCapability());
        server.camel().addRoutes(plugin);
        server.core.dispatcher.register(plugin.descriptor());
        var r = community.http().put("/api/v1/brands/demo/features", community.demo("admin").token(),
            "{\"local-managers\":true,\"notifications\":true}");
        assertEquals(200, r.status(), r.toString());
        openBrowser();
    }

    @AfterEach
    void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void theComplainantIsToldByEmailRepliesByEmailAndTheManagerReadsItOnTheConsole() throws Exception {
        String customer = verifiedMember("cust");
        String address = customer + "@example.com";

        // filed in the browser
        signIn(address, "a-long-password");
        browser.open(server.base() + "/b/demo/complaints/new?lang=en");
        browser.fill("#store-q", "Lyon");
        browser.click("form[role=search] button[type=submit]");
        browser.check("#store-LYON-PARTDIEU");
        browser.fill("#f-title", "Mixer delivered broken");
        browser.fill("#f-body", "The bowl was cracked when I opened the box.");
        browser.click("main form.form button[type=submit]");
        String page = browser.url();
        assertTrue(page.matches("/b/demo/complaints/[0-9]+"), page);
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        // the store's manager is told by e-mail, which names neither the complainant nor their address
        MimeMessage assigned = received(m -> to(m, "manager@demo.example") && subject(m).contains("Mixer delivered broken"));
        String assignment = GreenMailUtil.getWholeMessage(assigned);
        assertTrue(assignment.contains(server.base() + "/b/demo/manager"), assignment);
        assertFalse(assignment.contains(address) || assignment.contains(customer), assignment);

        // the manager follows the e-mail's link to their inbox and answers on the complaint's console page
        signIn("manager@demo.example", DemoSeeder.PASSWORD);
        browser.open(server.base() + "/b/demo/manager?lang=en");
        browser.click("a[href='/b/demo/manager/complaints/" + id + "']");
        checkPage("manager workspace");
        browser.fill("#f-body", "A new mixer leaves the warehouse today.");
        browser.click("form[action$='/response'] button[type=submit]");
        assertTrue(browser.text("main").contains("Your response is published."), browser.text("main"));

        // the complainant's bell counts it on every page
        signIn(address, "a-long-password");
        Awaitility.await("the complainant's bell").atMost(Duration.ofSeconds(30)).until(() -> {
            browser.open(server.base() + "/b/demo?lang=en");
            String count = browser.text("a.bell .count");
            return !count.isBlank() && Integer.parseInt(count.trim()) >= 2;
        });
        checkPage("home with the bell");

        // the complainant's e-mail about the response, with a reply address of their own, answered by e-mail
        MimeMessage responded = received(m -> to(m, address) && header(m, "Reply-To").startsWith("reply+")
            && GreenMailUtil.getWholeMessage(m).contains("/b/demo/complaints/" + id));
        assertTrue(header(responded, "List-Unsubscribe").contains("/notifications/unsubscribe?token="),
            header(responded, "List-Unsubscribe"));
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(address));
        reply.setRecipients(Message.RecipientType.TO, header(responded, "Reply-To"));
        reply.setSubject("Re: " + responded.getSubject(), "UTF-8");
        reply.setText("Thank you, I will keep the old one until it arrives.\n\n> A new mixer leaves the warehouse today.\n",
            "UTF-8");
        reply.setHeader("In-Reply-To", responded.getMessageID());
        reply.saveChanges();
        inbound.deliver(reply);

        // the manager reads the reply in the complaint's private thread, without the quoted text
        signIn("manager@demo.example", DemoSeeder.PASSWORD);
        Awaitility.await("the reply on the manager's console").atMost(Duration.ofSeconds(30)).until(() -> {
            browser.open(server.base() + "/b/demo/manager/complaints/" + id + "?lang=en");
            return String.valueOf(browser.text("ol.messages")).contains("I will keep the old one until it arrives");
        });
        assertTrue(browser.text("ol.messages li.from-customer").contains("I will keep the old one"),
            browser.text("ol.messages"));
        assertFalse(browser.text("ol.messages").contains("> A new mixer"), browser.text("ol.messages"));
        checkPage("manager workspace with the reply");

        // the complainant evaluates the answer
        signIn(address, "a-long-password");
        browser.open(server.base() + page + "?lang=en");
        browser.check("#resolved-yes");
        browser.eval("document.querySelector('#f-rating').value = '9'");
        browser.check("#again-yes");
        browser.click("form[action$='/resolution'] button[type=submit]");
        assertTrue(browser.text(".complaint .meta").contains("Resolved"), browser.text(".complaint .meta"));
        checkPage("evaluated complaint");
        assertEquals(List.of(), violations);
    }

    private MimeMessage received(Predicate<MimeMessage> which) {
        MimeMessage[] found = new MimeMessage[1];
        Awaitility.await("an e-mail").atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = Arrays.stream(mail.getReceivedMessages()).filter(which).findFirst().orElse(null);
            return found[0] != null;
        });
        assertNotNull(found[0]);
        return found[0];
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address);
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return String.valueOf(m.getHeader(name, null));
        } catch (Exception e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
