package org.entraide.badges.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * A member's badges. Closing an account keeps the awards (they are figures about posts that stay, shown under the
 * former member) and forgets the member's activity days, which tell when they used the site.
 */
public final class BadgesPersonalData implements PersonalData {
    private final Transactions tx;

    public BadgesPersonalData(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String name() {
        return "badges";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("awards", Sql.list(c, "SELECT badge_key, scope, post_id, awarded_at, revoked_at FROM badge_award "
                + "WHERE brand_id = ? AND user_id = ? ORDER BY id", rs -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("badge", rs.getString("badge_key"));
                    a.put("scope", rs.getString("scope"));
                    Long post = Sql.nullableLong(rs, "post_id");
                    if (post != null) {
                        a.put("postId", post);
                    }
                    a.put("awardedAt", Sql.instant(rs, "awarded_at").toString());
                    if (Sql.instant(rs, "revoked_at") != null) {
                        a.put("revokedAt", Sql.instant(rs, "revoked_at").toString());
                    }
                    return a;
                }, brandId, userId));
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> Sql.update(c, "DELETE FROM badge_activity WHERE brand_id = ? AND user_id = ?", brandId, userId));
    }
}
