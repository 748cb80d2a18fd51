package org.entraide.api.platform;

import java.sql.Connection;
import java.util.Optional;

import org.entraide.api.model.Store;
import org.osgi.annotation.versioning.ProviderType;

/** Reads a brand's stores. The core provides it; the caller's thread and transaction; reads only. */
@ProviderType
public interface Stores {
    /** Empty for an unknown id or another brand's store. */
    Optional<Store> byId(Connection connection, long brandId, long storeId);

    /** Empty for an unknown code in this brand. */
    Optional<Store> byCode(Connection connection, long brandId, String code);
}
