package org.entraide.api.platform;

import java.util.Set;

import org.entraide.api.model.Role;

/**
 * A member of a brand as plugins know them. {@code email} is for messages sent to the member themselves (a plugin
 * never shows it to anyone else); {@code managedStoreIds} are the stores a store manager is bound to.
 */
public record MemberFacts(long id, long brandId, String pseudonym, String email, Set<Role> roles,
                          Set<Long> managedStoreIds) {
    public MemberFacts {
        roles = Set.copyOf(roles);
        managedStoreIds = Set.copyOf(managedStoreIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
