package org.entraide.api.event;

import java.sql.Connection;

/**
 * The outbox. The platform provides it. Appending joins the caller's transaction, so the event
 * exists if and only if the change it describes is committed.
 */
public interface EventLog {
    /** @return the new event's id */
    long append(Connection connection, NewEvent event);
}
