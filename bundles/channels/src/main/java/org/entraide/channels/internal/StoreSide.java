package org.entraide.channels.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.entraide.api.localmanagers.Assignment;
import org.entraide.api.localmanagers.Assignments;
import org.entraide.api.platform.MemberFacts;
import org.entraide.api.model.Role;
import org.entraide.api.platform.Members;

/**
 * Who speaks for the store about a complaint. With local managers (their {@link Assignments}, an optional service),
 * the manager the complaint is assigned to, once it was escalated to its store's region that region's managers, and
 * once it reached the central team the brand's admins; without them, or for a complaint they did not route (yet),
 * every manager of the complaint's store, since nothing else tells who handles it.
 */
final class StoreSide {
    /** At most this many of the brand's admins get a message for the central team. */
    static final int CENTRAL_TEAM_LIMIT = 50;

    private final Members members;
    private final Supplier<Assignments> assignments;

    StoreSide(Members members, Supplier<Assignments> assignments) {
        this.members = members;
        this.assignments = assignments;
    }

    /** The complaint's assignment, when local managers are installed and routed it. */
    Optional<Assignment> assignment(Connection c, long brandId, long complaintId) {
        Assignments a = assignments.get();
        return a == null ? Optional.empty() : a.of(c, brandId, complaintId);
    }

    /**
     * Those a message to the store reaches: the assigned manager and the region's managers; the store's managers when
     * local managers tell nobody (not installed, not routed, no manager available).
     */
    List<MemberFacts> recipients(Connection c, long brandId, long complaintId, Long storeId) {
        Optional<Assignment> assigned = assignment(c, brandId, complaintId);
        if (assigned.isPresent()) {
            List<Long> ids = new ArrayList<>();
            if (assigned.get().managerId() != null) {
                ids.add(assigned.get().managerId());
            }
            ids.addAll(assigned.get().regionManagerIds());
            List<MemberFacts> out = new ArrayList<>();
            if (!ids.isEmpty()) {
                Map<Long, MemberFacts> found = members.members(c, brandId, ids);
                ids.stream().distinct().map(found::get).filter(Objects::nonNull).forEach(out::add);
            }
            if (assigned.get().level() == Assignment.Level.CENTRAL) {
                members.withRole(c, brandId, Role.BRAND_ADMIN, CENTRAL_TEAM_LIMIT).stream()
                    .filter(admin -> !ids.contains(admin.id())).forEach(out::add);
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return storeId == null ? List.of() : members.storeManagers(c, brandId, storeId);
    }

    /**
     * Whether that member writes for the store: one who handles the complaint with local managers (a brand admin once
     * it reached the central team), a manager of the complaint's store ({@code managesTheStore}) without them.
     */
    boolean speaksForStore(Connection c, long brandId, long complaintId, long userId, boolean managesTheStore,
                           boolean brandAdmin) {
        return assignment(c, brandId, complaintId)
            .map(a -> a.handledBy(userId) || (brandAdmin && a.level() == Assignment.Level.CENTRAL))
            .orElse(managesTheStore);
    }

    /** Whether that member manages the region the complaint was escalated to. */
    boolean regionOf(Connection c, long brandId, long complaintId, long userId) {
        return assignment(c, brandId, complaintId).map(a -> a.regionManagerIds().contains(userId)).orElse(false);
    }
}
