package org.entraide.api.platform;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Reads a brand's members. The core provides it; the caller's thread and transaction; reads only. */
@ProviderType
public interface Members {
    /** The member of that brand; empty for an unknown id or a member of another brand. */
    Optional<MemberFacts> member(Connection connection, long brandId, long userId);

    /** When the member registered; empty as {@link #member} is. */
    Optional<Instant> registeredAt(Connection connection, long brandId, long userId);

    /** The members bound to the store as its managers, by id; empty for another brand's store. */
    List<MemberFacts> storeManagers(Connection connection, long brandId, long storeId);
}
