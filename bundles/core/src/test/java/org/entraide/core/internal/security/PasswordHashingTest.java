package org.entraide.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {
    private static final String PHC = "\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";
    private final PasswordHasher cheap = new PasswordHasher(64, 1);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = cheap.hash("correct horse battery staple");
        assertTrue(cheap.verify("correct horse battery staple", hash), "the right password verifies");
        assertFalse(cheap.verify("correct horse battery stapler", hash), "a wrong password does not");
        assertFalse(cheap.verify("", hash), "nor an empty one");
        assertFalse(cheap.verify("Correct horse battery staple", hash), "case matters");
    }

    @Test
    void hashesAreArgon2idInPhcFormatWithTheirOwnSalt() {
        String a = cheap.hash("same password");
        String b = cheap.hash("same password");
        assertTrue(a.matches(PHC), "PHC string with a 16-byte salt and a 32-byte hash: " + a);
        assertTrue(a.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), "the cost parameters are in the hash: " + a);
        assertNotEquals(a, b, "each hash has its own salt");
        assertFalse(a.contains("same password"), "the password is not in the hash");
    }

    @Test
    void theDefaultCostIsOwaspsMinimum() {
        String hash = new PasswordHasher().hash("a password");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "19 MiB and 2 iterations: " + hash);
    }

    @Test
    void hashesVerifyWithTheCostTheyRecord() {
        String oldCost = cheap.hash("kept across upgrades");
        assertTrue(new PasswordHasher(128, 2).verify("kept across upgrades", oldCost),
            "a hasher with another cost still verifies older hashes");
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : new String[] {"", "plain", "$2a$10$abcdefghijklmnopqrstuu", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA",
                "$argon2id$v=19$m=64,t=1,p=1$$"}) {
            assertFalse(cheap.verify("anything", bad), "never verifies against " + bad);
        }
    }
}
