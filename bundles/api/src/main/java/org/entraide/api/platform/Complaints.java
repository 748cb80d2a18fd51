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
}
