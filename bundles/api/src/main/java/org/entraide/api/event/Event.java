package org.entraide.api.event;

/**
 * A typed event payload: an immutable record annotated with {@link EventType}. The core defines its own in this
 * package; a plugin may define records for the events it appends. Appended with
 * {@link EventLog#append(java.sql.Connection, long, Long, long, Event)}, read back with {@link EventReader}.
 */
public interface Event {
}
