package org.entraide.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.apache.camel.CamelExecutionException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures suppress the recipient (a permanent refusal of the address) and which are retried. */
class RejectionsTest {
    @Test
    void aPermanentRefusalOfTheRecipientIsTold() throws Exception {
        InternetAddress bob = new InternetAddress("bob@example.org");
        for (int code : new int[] {550, 551, 552, 553}) {
            SMTPAddressFailedException refused = new SMTPAddressFailedException(bob, "RCPT TO:<bob@example.org>", code,
                code + " 5.1.1 <bob@example.org>: Recipient address rejected");
            SendFailedException failed = new SendFailedException("Invalid Addresses", refused, new Address[0], new Address[0],
                new Address[] {bob});
            assertEquals(String.valueOf(code), Rejections.permanentRecipientRejection(
                new CamelExecutionException("send failed", null, failed)), "code " + code);
        }
    }

    @Test
    void temporaryOrOtherFailuresAreRetried() throws Exception {
        InternetAddress bob = new InternetAddress("bob@example.org");
        SMTPAddressFailedException busy = new SMTPAddressFailedException(bob, "RCPT TO:<bob@example.org>", 450,
            "450 4.2.0 <bob@example.org>: Mailbox busy");
        assertNull(Rejections.permanentRecipientRejection(new SendFailedException("Invalid Addresses", busy, new Address[0],
            new Address[0], new Address[] {bob})), "4xx: try again later");
        assertNull(Rejections.permanentRecipientRejection(new MessagingException("Couldn't connect to host",
            new ConnectException("Connection refused"))), "server down");
        assertNull(Rejections.permanentRecipientRejection(new MessagingException("554 5.7.1 spam detected")),
            "a refusal of the message, not of the address");
    }

    @Test
    void theErrorKeptForAdminsNamesNoAddress() throws Exception {
        InternetAddress bob = new InternetAddress("bob@example.org");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(bob, "RCPT TO:<bob@example.org>", 550,
            "550 5.1.1 <bob@example.org>: Recipient address rejected");
        String described = Rejections.describe(new SendFailedException("Invalid Addresses", refused));
        assertTrue(described.contains("550 5.1.1"), described);
        assertFalse(described.contains("bob@example.org"), described);
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), MailSender.backoff(Duration.ofSeconds(30), 1));
        assertEquals(Duration.ofSeconds(60), MailSender.backoff(Duration.ofSeconds(30), 2));
        assertEquals(Duration.ofSeconds(240), MailSender.backoff(Duration.ofSeconds(30), 4));
        assertEquals(Duration.ofHours(1), MailSender.backoff(Duration.ofSeconds(30), 40));
    }
}
