package org.entraide.incidents.internal.store;

import java.time.Instant;
import java.util.List;

/** An incident as stored: {@code theme} its keywords, {@code storeIds} and {@code regions} what it affects. */
public record Incident(long id, long brandId, String title, List<String> theme, List<Long> storeIds, List<String> regions,
                       Instant startsAt, Instant endsAt, Status status, Long proposalId, boolean statementAnswers, long declaredBy,
                       Instant declaredAt, Instant closedAt) {
    public enum Status { OPEN, CLOSED }

    public Incident {
        theme = List.copyOf(theme);
        storeIds = List.copyOf(storeIds);
        regions = List.copyOf(regions);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Whether the incident covers a post made at {@code at}: open and inside its period. */
    public boolean covers(Instant at) {
        return isOpen() && !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt));
    }

    /** Whether it affects a store: every store when it names none nor any region. */
    public boolean affects(Long storeId, String region) {
        if (storeIds.isEmpty() && regions.isEmpty()) {
            return true;
        }
        return storeId != null && storeIds.contains(storeId) || region != null && regions.contains(region);
    }
}
