package org.entraide.api.localmanagers;

import java.util.List;
import java.util.Objects;

/**
 * Who handles a complaint now, as local managers routed it: the store it is with ({@code storeId}, which a delegation
 * changes), the manager it is assigned to ({@code managerId}, null when the store had none available), the level it
 * reached, and, once it was escalated to its store's region, that region's code and managers, who answer it from then
 * on (also after it went on to the central team). A complaint handed over to the central team skipped the region:
 * {@code region} is null and {@code regionManagerIds} empty, as before any escalation, and as for a store in no region
 * (its complaint still reaches the {@code REGION} level when the store's deadline passes, with nobody there).
 */
public record Assignment(long complaintId, long storeId, Long managerId, Level level, String region,
                         List<Long> regionManagerIds) {
    /** How far the complaint went: its store, its store's region (the store's deadline passed), the central team. */
    public enum Level { STORE, REGION, CENTRAL }

    public Assignment {
        Objects.requireNonNull(level, "level");
        regionManagerIds = regionManagerIds == null ? List.of() : List.copyOf(regionManagerIds);
        if (region == null && !regionManagerIds.isEmpty()) {
            throw new IllegalArgumentException("region managers without a region");
        }
    }

    /** The assigned manager, or a manager of the region the complaint was escalated to. */
    public boolean handledBy(long userId) {
        return (managerId != null && managerId == userId) || regionManagerIds.contains(userId);
    }
}
