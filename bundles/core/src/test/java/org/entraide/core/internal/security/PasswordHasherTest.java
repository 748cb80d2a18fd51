package org.entraide.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(64, 1);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), "PHC string: " + hash);
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "a fresh salt each time");
    }

    @Test
    void hashesMadeWithOtherCostsStillVerify() {
        String strong = new PasswordHasher(128, 2).hash("s3cret-password");
        assertTrue(hasher.verify("s3cret-password", strong), "parameters are read from the hash");
    }

    @Test
    void garbageNeverVerifies() {
        assertFalse(hasher.verify("x", "not a hash"));
        assertFalse(hasher.verify("x", "$2a$10$bcryptlooking"));
    }

    @Test
    void tokensAreLongRandomAndChecked() {
        String t = Tokens.newToken();
        assertTrue(Tokens.wellFormed(t), t);
        assertNotEquals(t, Tokens.newToken());
        assertFalse(Tokens.wellFormed(t + "x"));
        assertFalse(Tokens.wellFormed(t.substring(1) + "!"));
        assertFalse(Tokens.wellFormed(null));
        assertNotEquals(t, Tokens.digest(t), "only the digest is stored");
    }
}
