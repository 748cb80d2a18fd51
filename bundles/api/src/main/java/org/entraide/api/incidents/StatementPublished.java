package org.entraide.api.incidents;

import org.entraide.api.event.Event;
import org.entraide.api.event.EventType;

/**
 * The official statement ({@code update} false, the first one) or an update of it was published. Readers fetch the
 * text from the incident's API; {@code statementId} is unique, so a notifier keys its work on it.
 */
@EventType(name = IncidentEvents.STATEMENT_PUBLISHED, subject = IncidentEvents.SUBJECT_INCIDENT)
public record StatementPublished(long incidentId, long statementId, boolean update) implements Event {
}
