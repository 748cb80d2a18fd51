package org.entraide.api.model;

/** A user's role within their brand. Staff roles speak for the brand; their answers are official. */
public enum Role {
    CUSTOMER,
    MODERATOR,
    STORE_MANAGER,
    BRAND_ADMIN;

    /** Staff answers are marked official in every view. */
    public boolean isStaff() {
        return this != CUSTOMER;
    }
}
