package org.entraide.web.internal;

import java.util.Set;

/** The signed-in member of a brand: their API token (never shown in a page) and who they are. */
record Member(String token, long id, String pseudonym, Set<String> roles) {
    boolean has(String role) {
        return roles.contains(role);
    }

    /** Store managers, moderators and brand admins. */
    boolean staff() {
        return has("STORE_MANAGER") || has("MODERATOR") || has("BRAND_ADMIN");
    }
}
