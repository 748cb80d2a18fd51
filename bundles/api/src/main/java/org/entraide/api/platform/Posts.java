package org.entraide.api.platform;

import java.sql.Connection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Reads posts. The core provides it; the caller's thread and transaction; reads only. */
@ProviderType
public interface Posts {
    /** The post of that brand, whatever its publication; empty for an unknown id or another brand's. */
    Optional<PostFacts> post(Connection connection, long brandId, long postId);
}
