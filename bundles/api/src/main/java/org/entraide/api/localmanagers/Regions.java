package org.entraide.api.localmanagers;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The brand's regions as local managers keep them: a store's region, the regions a member manages, a region's
 * managers. The local-managers plugin provides it when installed (optional for its users); the caller's thread,
 * joining its transaction; reads only. Regions are named by their code; another brand's is unknown (empty).
 */
@ProviderType
public interface Regions {
    Optional<String> regionOf(Connection connection, long brandId, long storeId);

    Set<String> managedBy(Connection connection, long brandId, long userId);

    List<Long> managersOf(Connection connection, long brandId, String region);
}
