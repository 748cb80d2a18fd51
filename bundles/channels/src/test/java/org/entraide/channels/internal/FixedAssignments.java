package org.entraide.channels.internal;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.entraide.api.localmanagers.Assignment;
import org.entraide.api.localmanagers.Assignments;

/**
 * Local managers' assignments as the channels plugin sees them (local managers' own tests cover the real one, after a
 * delegation, a hand-over and an escalation): what the test says each complaint's assignment is now.
 */
final class FixedAssignments implements Assignments {
    final Map<Long, Assignment> now = new ConcurrentHashMap<>();

    void set(Assignment a) {
        now.put(a.complaintId(), a);
    }

    @Override
    public Optional<Assignment> of(Connection connection, long brandId, long complaintId) {
        return Optional.ofNullable(now.get(complaintId));
    }
}
