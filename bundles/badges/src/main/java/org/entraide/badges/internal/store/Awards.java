package org.entraide.badges.internal.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.entraide.api.badges.BadgeAwarded;
import org.entraide.api.badges.BadgeRevoked;
import org.entraide.api.event.EventLog;
import org.entraide.jdbc.Sql;

/**
 * Awards and revocations, each with its event in the same transaction. The unique key (brand, badge, member,
 * scope, post) makes an award exactly once, whoever evaluates (the event subscriber, a full evaluation, another
 * node): the second insert fails and its transaction is retried, to find the award there.
 */
public final class Awards {
    /** One award, as listed. */
    public record Award(long id, String badge, long userId, String scope, Long postId, Instant awardedAt,
                        Instant revokedAt, String revokeReason) {
    }

    /** What an evaluation decided for one member, badge and scope. */
    public record Decision(long brandId, String badge, String tier, long userId, String scope, long postKey, Long postId,
                           Long sourceEventId) {
    }

    private static final String COLUMNS = "id, badge_key, user_id, scope, post_id, awarded_at, revoked_at, revoke_reason";

    private final EventLog events;

    public Awards(EventLog events) {
        this.events = events;
    }

    /** Awards unless already held; gives back a revoked one. True when the member just earned it. */
    public boolean award(Connection c, Decision d, Instant now) {
        Optional<Award> existing = find(c, d);
        if (existing.isPresent() && existing.get().revokedAt() == null) {
            return false;
        }
        if (existing.isPresent()) {
            Sql.update(c, "UPDATE badge_award SET revoked_at = NULL, revoke_reason = NULL, awarded_at = ?, source_event_id = ? "
                + "WHERE id = ?", now, d.sourceEventId(), existing.get().id());
        } else {
            Sql.update(c, "INSERT INTO badge_award (brand_id, badge_key, user_id, scope, post_key, post_id, awarded_at, "
                + "source_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", d.brandId(), d.badge(), d.userId(), d.scope(),
                d.postKey(), d.postId(), now, d.sourceEventId());
        }
        events.append(c, d.brandId(), null, d.userId(), new BadgeAwarded(d.userId(), d.badge(), d.tier(), d.scope(),
            d.postId(), d.sourceEventId()));
        return true;
    }

    /** Takes back a held badge whose criterion no longer holds. True when it was held. */
    public boolean revoke(Connection c, Decision d, String reason, Instant now) {
        Optional<Award> existing = find(c, d);
        if (existing.isEmpty() || existing.get().revokedAt() != null) {
            return false;
        }
        if (d.postKey() == 0 && d.postId() != null && !d.postId().equals(existing.get().postId())) {
            return false; // a once-only badge earned by another post: this post falling short takes nothing back
        }
        Sql.update(c, "UPDATE badge_award SET revoked_at = ?, revoke_reason = ? WHERE id = ?", now, reason, existing.get().id());
        events.append(c, d.brandId(), null, d.userId(), new BadgeRevoked(d.userId(), d.badge(), d.tier(), d.scope(),
            d.postId(), d.sourceEventId(), reason));
        return true;
    }

    public List<Award> ofUser(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM badge_award WHERE brand_id = ? AND user_id = ? ORDER BY awarded_at, id",
            Awards::map, brandId, userId);
    }

    public List<Award> holders(Connection c, long brandId, String badge, int limit, int offset) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM badge_award WHERE brand_id = ? AND badge_key = ? AND revoked_at IS NULL "
            + "ORDER BY awarded_at, id LIMIT ? OFFSET ?", Awards::map, brandId, badge, limit, offset);
    }

    public Map<String, Long> holderCounts(Connection c, long brandId) {
        Map<String, Long> out = new HashMap<>();
        Sql.list(c, "SELECT badge_key, COUNT(*) FROM badge_award WHERE brand_id = ? AND revoked_at IS NULL GROUP BY badge_key",
            rs -> out.put(rs.getString(1), rs.getLong(2)), brandId);
        return out;
    }

    /** Whether the member holds any of the badges in that scope. */
    public boolean holdsAny(Connection c, long brandId, long userId, String scope, List<String> badges) {
        for (String badge : badges) {
            if (Sql.count(c, "SELECT COUNT(*) FROM badge_award WHERE brand_id = ? AND user_id = ? AND scope = ? "
                + "AND badge_key = ? AND revoked_at IS NULL", brandId, userId, scope, badge) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which of those members hold any of those badges in that scope, in one statement per chunk of members (a
     * question's answers are marked in one read, whatever their number).
     */
    public java.util.Set<Long> holdersAmong(Connection c, long brandId, java.util.Collection<Long> userIds, String scope,
                                            List<String> badges) {
        java.util.Set<Long> out = new java.util.TreeSet<>();
        List<Long> users = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        if (badges.isEmpty()) {
            return out;
        }
        for (int from = 0; from < users.size(); from += 500) {
            List<Long> chunk = users.subList(from, Math.min(users.size(), from + 500));
            List<Object> params = new java.util.ArrayList<>(List.of(brandId, scope));
            params.addAll(badges);
            params.addAll(chunk);
            out.addAll(Sql.list(c, "SELECT DISTINCT user_id FROM badge_award WHERE brand_id = ? AND scope = ? "
                + "AND revoked_at IS NULL AND badge_key IN (" + marks(badges.size()) + ") AND user_id IN ("
                + marks(chunk.size()) + ")", rs -> rs.getLong(1), params.toArray()));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * The member's awards in the given scopes, held (true) or revoked (false), by {@link #key}: read once per
     * evaluation, so that a badge already held costs no query.
     */
    public Map<String, Boolean> heldIn(Connection c, long brandId, long userId, java.util.Collection<String> scopes) {
        Map<String, Boolean> out = new HashMap<>();
        for (String scope : scopes) {
            Sql.list(c, "SELECT badge_key, post_key, revoked_at FROM badge_award WHERE brand_id = ? AND user_id = ? AND scope = ?",
                rs -> out.put(key(rs.getString(1), scope, rs.getLong(2)), rs.getObject(3) == null), brandId, userId, scope);
        }
        return out;
    }

    /** The identity of an award within a member's: badge, scope and post key. */
    public static String key(String badge, String scope, long postKey) {
        return badge + '|' + scope + '|' + postKey;
    }

    private Optional<Award> find(Connection c, Decision d) {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM badge_award WHERE brand_id = ? AND badge_key = ? AND user_id = ? "
            + "AND scope = ? AND post_key = ?", Awards::map, d.brandId(), d.badge(), d.userId(), d.scope(), d.postKey());
    }

    private static Award map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Award(rs.getLong("id"), rs.getString("badge_key"), rs.getLong("user_id"), rs.getString("scope"),
            Sql.nullableLong(rs, "post_id"), Sql.instant(rs, "awarded_at"), Sql.instant(rs, "revoked_at"),
            rs.getString("revoke_reason"));
    }
}
