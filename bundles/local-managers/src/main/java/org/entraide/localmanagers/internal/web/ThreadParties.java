package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.util.Optional;

import org.entraide.api.localmanagers.Assignment;
import org.entraide.api.problem.ProblemException;
import org.entraide.localmanagers.internal.ComplaintAssignments;

/**
 * Who takes part in a complaint's private thread: the complainant, the manager it is assigned to, and the managers of
 * the store's region once the store's deadline sent it there (they answer it from then on, by e-mail through the
 * relay or on their console). Nobody else reads or writes it, brand admins included.
 */
final class ThreadParties {
    private static final ComplaintAssignments ASSIGNMENTS = new ComplaintAssignments();

    /** The caller's part in the thread. */
    enum Party {
        COMPLAINANT, ASSIGNED, REGION;

        /** The store's side: the assigned manager or a manager of the region. */
        boolean forStore() {
            return this != COMPLAINANT;
        }
    }

    private ThreadParties() {
    }

    /** The caller's part in the thread; 403 for anyone outside it. */
    static Party require(Connection c, long brandId, long complaintId, long complainantId, long userId) {
        return of(c, brandId, complaintId, complainantId, userId).orElseThrow(() -> ProblemException.forbidden(
            "only the complainant, the manager the complaint is assigned to and the managers of the region it was escalated to"));
    }

    /** The caller's part in the thread of a published complaint whose author is {@code complainantId}, if any. */
    static Optional<Party> of(Connection c, long brandId, long complaintId, long complainantId, long userId) {
        if (userId == complainantId) {
            return Optional.of(Party.COMPLAINANT);
        }
        Optional<Assignment> assignment = ASSIGNMENTS.of(c, brandId, complaintId);
        if (assignment.map(a -> a.managerId() != null && a.managerId() == userId).orElse(false)) {
            return Optional.of(Party.ASSIGNED);
        }
        return assignment.filter(a -> a.regionManagerIds().contains(userId)).map(a -> Party.REGION);
    }
}
