package org.entraide.incidents.internal;

import java.sql.Connection;

import org.entraide.incidents.internal.store.Incident;

/**
 * What an incident does to its complaints: the statement answers them when the brand says so, and closing the
 * incident answers those still open with the closing message asking their authors to evaluate.
 */
public final class ComplaintClosing {
    /** Called in the statement's transaction, for the first statement only. */
    public void statementPublished(Connection c, Incident incident, String body, long by) {
    }

    /** Called in the closing's transaction; the number of complaints answered. */
    public long incidentClosed(Connection c, Incident incident, String message, long by) {
        return 0;
    }
}
