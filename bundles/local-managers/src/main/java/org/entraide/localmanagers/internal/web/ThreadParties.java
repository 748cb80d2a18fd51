package org.entraide.localmanagers.internal.web;

import java.sql.Connection;
import java.util.Optional;

import org.entraide.api.localmanagers.Assignment;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.model.Role;
import org.entraide.localmanagers.internal.ComplaintAssignments;

/**
 * Who takes part in a complaint's private thread: the complainant, the manager it is assigned to, the managers of the
 * store's region once the store's deadline sent it there (they answer it from then on, by e-mail through the relay or
 * on their console), and the brand's central team (its admins) once it reached the central team, by a hand-over or
 * when the region's time passed. Nobody else reads or writes it: brand admins neither, before that.
 */
final class ThreadParties {
    private static final ComplaintAssignments ASSIGNMENTS = new ComplaintAssignments();

    /** The caller's part in the thread. */
    enum Party {
        COMPLAINANT, ASSIGNED, REGION, CENTRAL;

        /** The store's side: the assigned manager, a manager of the region, the central team. */
        boolean forStore() {
            return this != COMPLAINANT;
        }
    }

    private ThreadParties() {
    }

    /** The caller's part in the thread; 403 for anyone outside it. */
    static Party require(Connection c, long brandId, long complaintId, long complainantId, Caller caller) {
        return of(c, brandId, complaintId, complainantId, caller).orElseThrow(() -> ProblemException.forbidden(
            "only the complainant, the manager the complaint is assigned to, the managers of the region it was escalated "
                + "to and, once it reached the central team, the brand's admins"));
    }

    /** The caller's part in the thread of a published complaint whose author is {@code complainantId}, if any. */
    static Optional<Party> of(Connection c, long brandId, long complaintId, long complainantId, Caller caller) {
        long userId = caller.userId();
        if (userId == complainantId) {
            return Optional.of(Party.COMPLAINANT);
        }
        Optional<Assignment> assignment = ASSIGNMENTS.of(c, brandId, complaintId);
        if (assignment.map(a -> a.managerId() != null && a.managerId() == userId).orElse(false)) {
            return Optional.of(Party.ASSIGNED);
        }
        if (assignment.map(a -> a.regionManagerIds().contains(userId)).orElse(false)) {
            return Optional.of(Party.REGION);
        }
        boolean central = centralTeam(caller, brandId);
        return assignment.filter(a -> central && a.level() == Assignment.Level.CENTRAL).map(a -> Party.CENTRAL);
    }

    /** Whether the caller is of the brand's central team (its admins), who read complaints that reached it. */
    static boolean centralTeam(Caller caller, long brandId) {
        return caller.brandId() == brandId && caller.has(Role.BRAND_ADMIN);
    }
}
