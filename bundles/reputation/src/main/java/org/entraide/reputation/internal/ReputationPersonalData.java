package org.entraide.reputation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * A member's reputation: their points and every ledger entry about them. Closing an account keeps the ledger (the
 * entries others earned from the member's votes and acceptances stay, so their totals do not move) and forgets the
 * name the plugin copied from the registration event and the private complaint entries.
 */
public final class ReputationPersonalData implements PersonalData {
    private final Transactions tx;

    public ReputationPersonalData(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String name() {
        return "reputation";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Sql.one(c, "SELECT points FROM reputation_user WHERE user_id = ? AND brand_id = ?", rs -> rs.getInt(1), userId,
                brandId).ifPresent(points -> out.put("points", points));
            List<Map<String, Object>> entries = Sql.list(c, "SELECT amount, reason, post_id, occurred_at, reversed "
                + "FROM reputation_entry WHERE user_id = ? AND brand_id = ? ORDER BY id", rs -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("amount", rs.getInt("amount"));
                    e.put("reason", rs.getString("reason"));
                    Long post = Sql.nullableLong(rs, "post_id");
                    if (post != null) {
                        e.put("postId", post);
                    }
                    e.put("occurredAt", Sql.instant(rs, "occurred_at").toString());
                    e.put("reversed", rs.getBoolean("reversed"));
                    return e;
                }, userId, brandId);
            out.put("ledger", entries);
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            Sql.update(c, "UPDATE reputation_user SET pseudonym = NULL WHERE user_id = ? AND brand_id = ?", userId, brandId);
            Sql.update(c, "DELETE FROM reputation_private_entry WHERE user_id = ? AND brand_id = ?", userId, brandId);
            return null;
        });
    }
}
