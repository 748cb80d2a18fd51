package org.entraide.core.internal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Telling keys from session tokens, and which operations each scope opens. */
class ApiKeyShapeTest {
    @Test
    void aSessionTokenThatHappensToBeginWithTheKeysPrefixIsNoKey() {
        String session = "ek_" + "a".repeat(40);
        assertEquals(43, session.length(), "a session token's length");
        assertFalse(ApiKeys.isKey("Bearer " + session), "still a session token");
        assertTrue(ApiKeys.isKey("Bearer ek_0123abcd_" + "b".repeat(43)), "a key");
        assertTrue(ApiKeys.isKey("Bearer ek_nothing"), "a malformed key, refused as one");
        assertFalse(ApiKeys.isKey("Basic ek_0123abcd_" + "b".repeat(43)), "not a bearer");
        assertFalse(ApiKeys.isKey(null));
    }

    @Test
    void eachScopeOpensItsOperationsAndNothingElse() {
        assertEquals(Optional.of("complaints:respond"),
            ApiKeyScopes.required("POST", "/api/v1/brands/demo/complaints/12/responses"));
        assertEquals(Optional.of("complaints:read"), ApiKeyScopes.required("GET", "/api/v1/brands/demo/complaints/12"));
        assertEquals(Optional.of("posts:write"), ApiKeyScopes.required("PUT", "/api/v1/brands/demo/posts/3/staff-note"));
        assertEquals(Optional.of("webhooks:manage"), ApiKeyScopes.required("DELETE", "/api/v1/brands/demo/webhooks/4"));
        assertEquals(Optional.empty(), ApiKeyScopes.required("GET", "/api/v1/brands/demo/me"));
        assertEquals(Optional.empty(), ApiKeyScopes.required("POST", "/api/v1/brands/demo/complaints/12/resolution"),
            "a complainant's own act");
        assertEquals(Optional.empty(), ApiKeyScopes.required("GET", "/api/v1/brands/demo/complaints/12/../../me"));
        assertEquals(Optional.empty(), ApiKeyScopes.required("GET", "/api/v1/brands/demo/complaints/%2e%2e"));
        assertEquals(Optional.empty(), ApiKeyScopes.required("GET", "/api/v1/brands/demo/complaints;x"));
        assertEquals(Optional.empty(), ApiKeyScopes.required("POST", "/api/v1/auth/logout"));
    }
}
