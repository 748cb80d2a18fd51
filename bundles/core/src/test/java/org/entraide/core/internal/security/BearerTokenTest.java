package org.entraide.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
    @Test
    void tokensAre256RandomBitsInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String t = Tokens.newToken();
            assertEquals(43, t.length(), "32 bytes are 43 base64 characters without padding: " + t);
            assertTrue(t.matches("[A-Za-z0-9_-]{43}"), "URL-safe characters only: " + t);
            assertTrue(Tokens.wellFormed(t), "a new token is well formed: " + t);
            assertTrue(seen.add(t), "tokens do not repeat");
        }
    }

    @Test
    void theDigestIsSha256InHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.digest("abc"),
            "the SHA-256 test vector");
        String t = Tokens.newToken();
        assertEquals(Tokens.digest(t), Tokens.digest(t), "the same token, the same digest");
        assertFalse(Tokens.digest(t).contains(t), "the digest does not contain the token");
    }

    @Test
    void malformedTokensAreRecognisedBeforeAnyLookup() {
        String ok = Tokens.newToken();
        for (String bad : new String[] {null, "", ok.substring(1), ok + "A", ok.substring(1) + "+", ok.substring(1) + "/",
                ok.substring(1) + "=", ok.substring(1) + " ", ok.substring(1) + "é"}) {
            assertFalse(Tokens.wellFormed(bad), "not a token: " + bad);
        }
    }
}
