package org.entraide.core.internal.sso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key that seals brands' client secrets: made once and kept, or configured; a value opens only where it was sealed. */
class SecretBoxTest {
    @TempDir
    Path data;

    @Test
    void theKeyIsMadeOnFirstStartKeptAndTheConfiguredOneWins() throws Exception {
        Path file = data.resolve("keys").resolve("sso.key");
        byte[] first = SecretBox.loadKey("", file);
        assertTrue(Files.exists(file), "kept under data/");
        assertArrayEquals(first, SecretBox.loadKey(null, file), "the same key at the next start");
        byte[] configured = new byte[32];
        configured[0] = 7;
        assertArrayEquals(configured, SecretBox.loadKey(Base64.getEncoder().encodeToString(configured), file),
            "sso.secret.key when set");
        assertThrows(IllegalArgumentException.class, () -> SecretBox.loadKey("c2hvcnQ=", file), "a key of 32 bytes only");
        assertThrows(IllegalArgumentException.class, () -> SecretBox.loadKey("not base64 !", file));
    }

    @Test
    void aSealedSecretOpensWithItsKeyForItsBrandOnly() {
        SecretBox box = SecretBox.random();
        String sealed = box.seal(12, "client-secret-value");
        assertFalse(sealed.contains("client-secret-value"), "not in clear");
        assertNotEquals(sealed, box.seal(12, "client-secret-value"), "a fresh nonce each time");
        assertEquals("client-secret-value", box.open(12, sealed));
        assertThrows(IllegalStateException.class, () -> box.open(13, sealed), "another brand's row");
        assertThrows(IllegalStateException.class, () -> SecretBox.random().open(12, sealed), "another key");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> box.open(12, tampered), "a changed value");
    }
}
