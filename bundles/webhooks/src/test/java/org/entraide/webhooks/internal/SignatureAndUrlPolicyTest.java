package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class SignatureAndUrlPolicyTest {
    @Test
    void signatureIsTheHmacOfTimestampAndBody() {
        // computed independently: hmac.new(b"whsec_test", b'1700000000.{"id":1}', hashlib.sha256)
        assertEquals("sha256=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8",
            Signature.sign("whsec_test", 1_700_000_000L, "{\"id\":1}"));
        assertNotEquals(Signature.sign("whsec_test", 1_700_000_001L, "{\"id\":1}"),
            Signature.sign("whsec_test", 1_700_000_000L, "{\"id\":1}"), "the timestamp is signed too");
        assertTrue(Signature.newSecret().startsWith("whsec_"));
        assertNotEquals(Signature.newSecret(), Signature.newSecret());
    }

    @Test
    void strictPolicyRefusesHttpAndInternalAddresses() {
        UrlPolicy strict = new UrlPolicy(false, new AddressCheck(InternalTargets.NONE));
        for (String url : new String[] {"http://example.org/hook", "https://127.0.0.1/hook", "https://localhost:8443/x",
            "https://10.1.2.3/x", "https://192.168.1.1/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x",
            "https://user:pw@example.org/x", "ftp://example.org/x", "not a url", "https:///nohost"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> strict.check(url), url);
            assertEquals(400, e.status(), url);
            assertEquals("url", e.errors().get(0).field(), url);
        }
    }

    @Test
    void allowlistedLoopbackAcceptsLocalHttpForTests() {
        assertEquals("127.0.0.1", new UrlPolicy(true, new AddressCheck(InternalTargets.parse("127.0.0.1/32")))
            .check("http://127.0.0.1:9999/hook").getHost());
    }

    @Test
    void settingsNameTheirKeyAndBackOff() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(5), 0, Duration.ofSeconds(1), false, InternalTargets.NONE));
        assertTrue(e.getMessage().contains("max.attempts"), e.getMessage());
        WebhookSettings s = new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(5), 5, Duration.ofSeconds(2), false, InternalTargets.NONE);
        assertEquals(Duration.ofSeconds(2), s.retryAfter(1));
        assertEquals(Duration.ofSeconds(8), s.retryAfter(3));
        assertEquals(Duration.ofHours(1), s.retryAfter(30));
    }
}
