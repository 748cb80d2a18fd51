package org.entraide.api.security;

import java.util.Objects;
import java.util.Set;

import org.entraide.api.model.Role;

/**
 * The authenticated user behind a request. Accounts belong to one brand; a caller acts only on
 * {@link #brandSlug()}. {@code storeIds} are the stores a STORE_MANAGER is bound to.
 */
public record Caller(long userId, long brandId, String brandSlug, String pseudonym, Set<Role> roles, Set<Long> storeIds) {
    public Caller {
        Objects.requireNonNull(brandSlug, "brandSlug");
        Objects.requireNonNull(pseudonym, "pseudonym");
        roles = Set.copyOf(roles);
        storeIds = Set.copyOf(storeIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff speak for the brand: any role but CUSTOMER. */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean managesStore(long storeId) {
        return has(Role.STORE_MANAGER) && storeIds.contains(storeId);
    }
}
