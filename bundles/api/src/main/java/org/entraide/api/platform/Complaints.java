package org.entraide.api.platform;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/** Commands on complaints. The core provides it; the caller's thread, joining its transaction. */
@ProviderType
public interface Complaints {
    /**
     * The complaint is now about another store of its brand (a delegation): its managers answer it officially from
     * now on, and {@code complaint.moved} is appended. Nothing happens when it already is that store's.
     *
     * @param actorId who moved it; null for the system
     * @throws org.entraide.api.problem.ProblemException 404 when the complaint or the store is not of that brand
     */
    void moveToStore(Connection connection, long brandId, long complaintId, long storeId, Long actorId, String reason);

    /**
     * An official response to a complaint on behalf of a member who may give it (a brand admin, a manager of its
     * store, or a voice a plugin grants): exactly what {@code POST .../complaints/{id}/responses} does (the text
     * rendered and sanitized, the complaint ANSWERED if it was OPEN, {@code complaint.responded} appended), in the
     * caller's transaction. Since platform 1.5.
     *
     * @throws org.entraide.api.problem.ProblemException 404 when the complaint is not of that brand or not public,
     *         403 when the member may not answer it
     */
    void respond(Connection connection, long brandId, long complaintId, org.entraide.api.security.Caller responder, String body);
}
