package org.entraide.reputation.internal.ledger;

import org.entraide.jdbc.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;


/** The {@code reputation_user} rows, within the caller's transaction. */
public final class Members {
    private static final String COLUMNS = "user_id, brand_id, points, pseudonym, registered_at, staff_roles";

    private volatile LedgerListener listener = LedgerListener.NONE;

    public void setListener(LedgerListener listener) {
        this.listener = listener;
    }

    public Optional<Member> find(Connection c, long userId) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM reputation_user WHERE user_id = ?", Members::map, userId);
    }

    /** The member, created at the floor when no event mentioned them yet. */
    public Member require(Connection c, long brandId, long userId, Instant at) {
        return find(c, userId).orElseGet(() -> {
            Sql.update(c, "INSERT INTO reputation_user (user_id, brand_id, points, registered_at, staff_roles, updated_at) "
                + "VALUES (?, ?, ?, NULL, '', ?)", userId, brandId, Member.FLOOR, at);
            listener.reputationMoved(c, brandId, null, Member.FLOOR);
            return new Member(userId, brandId, Member.FLOOR, null, null, Set.of());
        });
    }

    public void registered(Connection c, long brandId, long userId, String pseudonym, Instant at) {
        require(c, brandId, userId, at);
        Sql.update(c, "UPDATE reputation_user SET registered_at = ?, pseudonym = ? WHERE user_id = ?", at, pseudonym, userId);
    }

    /** The brand's members, by id. */
    public Map<Long, Member> all(Connection c, long brandId) {
        Map<Long, Member> out = new HashMap<>();
        Sql.list(c, "SELECT " + COLUMNS + " FROM reputation_user WHERE brand_id = ?", Members::map, brandId)
            .forEach(m -> out.put(m.userId(), m));
        return out;
    }

    /** Everyone in the brand back to the floor, before a recomputation scores the past again. */
    public void resetPoints(Connection c, long brandId, Instant at) {
        Sql.update(c, "UPDATE reputation_user SET points = ?, updated_at = ? WHERE brand_id = ?", Member.FLOOR, at, brandId);
    }

    /** Records that a role was granted or revoked; only staff roles are kept. */
    public void role(Connection c, long brandId, long userId, String role, boolean granted, Instant at) {
        if ("CUSTOMER".equals(role)) {
            return;
        }
        Set<String> roles = new TreeSet<>(require(c, brandId, userId, at).staffRoles());
        if (granted) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        Sql.update(c, "UPDATE reputation_user SET staff_roles = ? WHERE user_id = ?", String.join(",", roles), userId);
    }

    public void setPoints(Connection c, long brandId, long userId, int before, int after, Instant at) {
        Sql.update(c, "UPDATE reputation_user SET points = ?, updated_at = ? WHERE user_id = ?", after, at, userId);
        listener.reputationMoved(c, brandId, before, after);
    }

    static Member map(ResultSet rs) throws SQLException {
        String roles = rs.getString("staff_roles");
        Set<String> staff = roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(",")));
        return new Member(rs.getLong("user_id"), rs.getLong("brand_id"), rs.getInt("points"), rs.getString("pseudonym"),
            Sql.instant(rs, "registered_at"), staff);
    }
}
