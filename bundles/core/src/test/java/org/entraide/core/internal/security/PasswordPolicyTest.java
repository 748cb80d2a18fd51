package org.entraide.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.entraide.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    @Test
    void theShippedListHoldsMoreThanAHundredThousandPasswordsOfAcceptedLength() {
        assertTrue(PasswordPolicy.size() >= 100_000, "at least 100,000 passwords: " + PasswordPolicy.size());
        assertTrue(PasswordPolicy.isCommon("password12") && PasswordPolicy.isCommon("PASSWORD12"), "found whatever the case");
        assertTrue(PasswordPolicy.isCommon("1234567890") && PasswordPolicy.isCommon("qwertyuiop"), "common ones are in");
        assertFalse(PasswordPolicy.isCommon("correct horse battery staple"), "a passphrase is not");
    }

    @Test
    void refusesTheAccountsOwnNamesAndRepeatedCharacters() {
        for (String weak : new String[] {"Someone@Example.org", " someone@example.org ", "Pseudo-Name-Long", "aaaaaaaaaa",
            "          ", "1111111111"}) {
            ProblemException e = assertThrows(ProblemException.class,
                () -> PasswordPolicy.check(weak, "someone@example.org", "pseudo-name-long"), weak + " is refused");
            assertEquals(400, e.status(), "a 400: " + weak);
            assertEquals("password", e.errors().get(0).field(), "naming the field: " + weak);
        }
        assertDoesNotThrow(() -> PasswordPolicy.check("a rather uncommon phrase", "someone@example.org", "pseudo"));
    }
}
