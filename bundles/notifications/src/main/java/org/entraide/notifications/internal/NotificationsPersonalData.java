package org.entraide.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * What notifications hold about a member: their notifications, preferences, follows, the threads they viewed, the
 * e-mail bookkeeping and their replies by e-mail. Closing an account deletes all of it; the notifications of others
 * that named the member (an answer by them) name a former member instead.
 */
public final class NotificationsPersonalData implements PersonalData {
    static final String FORMER_MEMBER = "former member";
    private static final String[] OWN = {
        "DELETE FROM ntf_notification WHERE brand_id = ? AND recipient_id = ?",
        "DELETE FROM ntf_follow WHERE brand_id = ? AND member_id = ?",
        "DELETE FROM ntf_preference WHERE brand_id = ? AND member_id = ?",
        "DELETE FROM ntf_member WHERE brand_id = ? AND member_id = ?",
        "DELETE FROM ntf_email WHERE brand_id = ? AND recipient_id = ?",
        "DELETE FROM ntf_digest WHERE brand_id = ? AND recipient_id = ?",
        "DELETE FROM ntf_reply WHERE brand_id = ? AND member_id = ?",
        "DELETE FROM ntf_view WHERE brand_id = ? AND member_id = ?",
        "UPDATE ntf_day_event SET member_id = NULL WHERE brand_id = ? AND member_id = ?"};

    private final Transactions tx;
    private final Platform platform;

    public NotificationsPersonalData(Transactions tx, Platform platform) {
        this.tx = tx;
        this.platform = platform;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("notifications", Sql.list(c, "SELECT kind, link_path, params, created_at, read_at FROM ntf_notification "
                + "WHERE brand_id = ? AND recipient_id = ? ORDER BY id", rs -> {
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("kind", rs.getString("kind"));
                    n.put("link", rs.getString("link_path"));
                    n.put("params", rs.getString("params"));
                    n.put("createdAt", Sql.instant(rs, "created_at").toString());
                    if (Sql.instant(rs, "read_at") != null) {
                        n.put("readAt", Sql.instant(rs, "read_at").toString());
                    }
                    return n;
                }, brandId, userId));
            out.put("preferences", Sql.list(c, "SELECT kind, channel FROM ntf_preference WHERE brand_id = ? AND member_id = ? "
                + "ORDER BY kind", rs -> Map.<String, Object>of("kind", rs.getString(1), "channel", rs.getString(2)), brandId, userId));
            out.put("follows", Sql.list(c, "SELECT target_type, target_key, level, created_at FROM ntf_follow WHERE brand_id = ? "
                + "AND member_id = ? ORDER BY created_at", rs -> Map.<String, Object>of("type", rs.getString(1), "key",
                rs.getString(2), "level", rs.getString(3), "createdAt", Sql.instant(rs, "created_at").toString()), brandId, userId));
            out.put("repliesByEmail", Sql.list(c, "SELECT thread_type, thread_id, outcome, received_at FROM ntf_reply "
                + "WHERE brand_id = ? AND member_id = ? ORDER BY received_at", rs -> Map.<String, Object>of("threadType",
                rs.getString(1), "threadId", rs.getLong(2), "outcome", rs.getString(3), "receivedAt",
                Sql.instant(rs, "received_at").toString()), brandId, userId));
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            // called before the core forgets the member: their name is still known, to take it out of others' notifications
            platform.members().member(c, brandId, userId).ifPresent(m -> Sql.update(c, "UPDATE ntf_notification "
                + "SET params = REPLACE(params, ?, ?) WHERE brand_id = ? AND params LIKE ?", "\"" + m.pseudonym() + "\"",
                "\"" + FORMER_MEMBER + "\"", brandId, "%\"" + m.pseudonym() + "\"%"));
            for (String sql : OWN) {
                Sql.update(c, sql, brandId, userId);
            }
            return null;
        });
    }
}
