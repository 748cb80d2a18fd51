package org.entraide.api.incidents;

import java.util.List;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * The detection found an hour whose count of complaints and questions for a scope ("store:12", "region:SE",
 * "topic:3") is at least the configured number of standard deviations over the same hour of the previous weeks.
 * {@code hour} is ISO-8601; {@code postIds} are the grouped items, {@code proposalId} the proposal staff may accept;
 * {@code managerIds} the managers of the region concerned (a region's rise, with local managers), alerted with the
 * brand admins.
 */
@EventType(name = IncidentEvents.RISE_DETECTED, subject = IncidentEvents.SUBJECT_INCIDENT)
public record RiseDetected(long proposalId, String scope, String hour, long count, double baselineMean,
                           double baselineDeviation, List<Long> postIds, List<Long> managerIds) implements Event {
    public RiseDetected {
        postIds = postIds == null ? List.of() : List.copyOf(postIds);
        managerIds = managerIds == null ? List.of() : List.copyOf(managerIds);
    }
}
