package org.entraide.moderation.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * What moderation holds about a member: the sanctions imposed on them, their appeals and the flags they raised.
 * Closing an account deletes their appeals, the text of their flags, the verdicts kept on their texts and the copies
 * of their reported private messages; sanctions and the audit log stay, as the brand's record of its decisions, about
 * an account that no longer names anybody.
 */
public final class ModerationPersonalData implements PersonalData {
    private final Transactions tx;
    private final Platform platform;

    public ModerationPersonalData(Transactions tx, Platform platform) {
        this.tx = tx;
        this.platform = platform;
    }

    @Override
    public String name() {
        return "moderation";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sanctions", Sql.list(c, "SELECT kind, reason, starts_at, ends_at, lifted_at FROM moderation_sanction "
                + "WHERE brand_id = ? AND user_id = ? ORDER BY id", rs -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("kind", rs.getString("kind"));
                    s.put("reason", rs.getString("reason"));
                    s.put("startsAt", Sql.instant(rs, "starts_at").toString());
                    if (Sql.instant(rs, "ends_at") != null) {
                        s.put("endsAt", Sql.instant(rs, "ends_at").toString());
                    }
                    if (Sql.instant(rs, "lifted_at") != null) {
                        s.put("liftedAt", Sql.instant(rs, "lifted_at").toString());
                    }
                    return s;
                }, brandId, userId));
            out.put("appeals", Sql.list(c, "SELECT subject, ref_id, statement, created_at, outcome FROM moderation_appeal "
                + "WHERE brand_id = ? AND appellant_id = ? ORDER BY id", rs -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("subject", rs.getString("subject"));
                    a.put("refId", rs.getLong("ref_id"));
                    a.put("statement", rs.getString("statement"));
                    a.put("createdAt", Sql.instant(rs, "created_at").toString());
                    if (rs.getString("outcome") != null) {
                        a.put("outcome", rs.getString("outcome"));
                    }
                    return a;
                }, brandId, userId));
            out.put("flags", Sql.list(c, "SELECT post_id, reason, detail, created_at FROM moderation_flag WHERE brand_id = ? "
                + "AND user_id = ? ORDER BY id", rs -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("postId", rs.getLong("post_id"));
                    f.put("reason", rs.getString("reason"));
                    if (rs.getString("detail") != null) {
                        f.put("detail", rs.getString("detail"));
                    }
                    f.put("createdAt", Sql.instant(rs, "created_at").toString());
                    return f;
                }, brandId, userId));
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            Sql.update(c, "DELETE FROM moderation_appeal WHERE brand_id = ? AND appellant_id = ?", brandId, userId);
            Sql.update(c, "UPDATE moderation_flag SET detail = NULL WHERE brand_id = ? AND user_id = ?", brandId, userId);
            Sql.update(c, "DELETE FROM moderation_verdict WHERE brand_id = ? AND author_id = ?", brandId, userId);
            // a reported private message is copied with its author's name: the copies of the member's messages go
            platform.members().member(c, brandId, userId).ifPresent(m -> Sql.update(c, "UPDATE moderation_message_item "
                + "SET body = '', author = '' WHERE author = ? AND item_id IN (SELECT id FROM moderation_item WHERE brand_id = ?)",
                m.pseudonym(), brandId));
            return null;
        });
    }
}
