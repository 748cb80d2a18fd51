package org.entraide.api.incidents;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What other plugins read of an incident: its title and the posts attached to it (the notifications plugin tells
 * their authors and followers of each statement). The incidents plugin provides it when installed; the caller's
 * thread, joining its transaction; reads only. An incident of another brand is not found (empty).
 */
@ProviderType
public interface IncidentItems {
    Optional<String> title(Connection connection, long brandId, long incidentId);

    /** The questions and complaints attached, in the order they were posted. */
    List<Long> attachedPosts(Connection connection, long brandId, long incidentId);

    /** The incident a post is attached to, if any. */
    Optional<Long> incidentOf(Connection connection, long brandId, long postId);
}
