package org.entraide.api.incidents;

import java.util.List;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/** An incident's description changed; the record carries it whole, as after the change. */
@EventType(name = IncidentEvents.UPDATED, subject = IncidentEvents.SUBJECT_INCIDENT)
public record IncidentUpdated(long incidentId, String title, List<String> theme, List<Long> storeIds,
                              List<String> regions, String startsAt, String endsAt) implements Event {
    public IncidentUpdated {
        theme = theme == null ? List.of() : List.copyOf(theme);
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}
