package org.entraide.api.incidents;

import java.util.List;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * An incident was declared. {@code storeIds} and {@code regions} are what it affects as declared (both empty: the
 * whole brand); {@code startsAt} and {@code endsAt} (null while open-ended) are ISO-8601; {@code proposalId} is set
 * when staff accepted a detected rise.
 */
@EventType(name = IncidentEvents.DECLARED, subject = IncidentEvents.SUBJECT_INCIDENT)
public record IncidentDeclared(long incidentId, String title, List<String> theme, List<Long> storeIds,
                               List<String> regions, String startsAt, String endsAt, Long proposalId) implements Event {
    public IncidentDeclared {
        theme = theme == null ? List.of() : List.copyOf(theme);
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}
