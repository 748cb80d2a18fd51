package org.entraide.api.platform;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.entraide.api.model.Role;
import org.osgi.annotation.versioning.ProviderType;

/** Reads a brand's members. The core provides it; the caller's thread and transaction; reads only. */
@ProviderType
public interface Members {
    /** The member of that brand; empty for an unknown id or a member of another brand. */
    Optional<MemberFacts> member(Connection connection, long brandId, long userId);

    /** When the member registered; empty as {@link #member} is. */
    Optional<Instant> registeredAt(Connection connection, long brandId, long userId);

    /**
     * The brand's members holding the role, by id, at most {@code limit} of them (the moderators to tell of an
     * appeal, the brand admins of a daily summary).
     */
    List<MemberFacts> withRole(Connection connection, long brandId, Role role, int limit);

    /** The members bound to the store as its managers, by id; empty for another brand's store. */
    List<MemberFacts> storeManagers(Connection connection, long brandId, long storeId);

    /**
     * The member of that brand with that e-mail address, compared as the core compares it at sign-in (trimmed, case
     * ignored); empty when none, or when the address is null. For a plugin importing people by address (a file of
     * stores and their managers), never to show an address to anyone.
     *
     * @since 1.2
     */
    Optional<MemberFacts> byEmail(Connection connection, long brandId, String email);

    /**
     * The members of that brand among those ids, by id, in one read (for a page of a plugin's own rows). Ids unknown
     * or of another brand are left out; an empty collection answers an empty map.
     *
     * @since 1.2
     */
    Map<Long, MemberFacts> members(Connection connection, long brandId, Collection<Long> userIds);
}
