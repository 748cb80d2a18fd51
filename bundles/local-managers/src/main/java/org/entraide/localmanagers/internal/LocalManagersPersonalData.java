package org.entraide.localmanagers.internal;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.api.storage.Transactions;
import org.entraide.jdbc.Sql;

/**
 * What the plugin holds about a member: the private messages they wrote about complaints, how far they read each
 * private thread, the times they saw a complainant's address (as a manager), their stores, regions and absences.
 * Closing an account deletes their messages (and the reports about them), their read marks, their places as a
 * manager and the old e-mail log to their address; the
 * assignments stay, since they describe the store's work, not the person.
 */
public final class LocalManagersPersonalData implements PersonalData {
    private final Transactions tx;
    private final Platform platform;

    public LocalManagersPersonalData(Transactions tx, Platform platform) {
        this.tx = tx;
        this.platform = platform;
    }

    @Override
    public String name() {
        return "localManagers";
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return tx.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("messages", Sql.list(c, "SELECT m.complaint_id, m.body, m.created_at FROM lm_message m JOIN lm_assignment a "
                + "ON a.complaint_id = m.complaint_id WHERE a.brand_id = ? AND m.author_id = ? ORDER BY m.id", rs -> Map.<String, Object>of(
                "complaintId", rs.getLong(1), "body", rs.getString(2), "createdAt", Sql.instant(rs, "created_at").toString()),
                brandId, userId));
            out.put("messageReads", Sql.list(c, "SELECT r.complaint_id, r.last_message_id, r.read_at FROM lm_message_read r "
                + "JOIN lm_assignment a ON a.complaint_id = r.complaint_id WHERE a.brand_id = ? AND r.user_id = ? ORDER BY r.complaint_id",
                rs -> Map.<String, Object>of("complaintId", rs.getLong(1), "lastMessageId", rs.getLong(2),
                    "readAt", Sql.instant(rs, "read_at").toString()), brandId, userId));
            out.put("identityAccesses", Sql.list(c, "SELECT i.complaint_id, i.at_time FROM lm_identity_access i JOIN lm_assignment a "
                + "ON a.complaint_id = i.complaint_id WHERE a.brand_id = ? AND i.user_id = ? ORDER BY i.id", rs -> Map.<String, Object>of(
                "complaintId", rs.getLong(1), "at", Sql.instant(rs, "at_time").toString()), brandId, userId));
            out.put("managedStores", Sql.list(c, "SELECT m.store_id FROM lm_store_manager m JOIN lm_store s ON s.store_id = m.store_id "
                + "WHERE s.brand_id = ? AND m.user_id = ? ORDER BY m.store_id", rs -> rs.getLong(1), brandId, userId));
            out.put("absences", Sql.list(c, "SELECT from_time, to_time FROM lm_absence WHERE user_id = ? ORDER BY id",
                rs -> Map.<String, Object>of("from", Sql.instant(rs, "from_time").toString(), "to",
                    Sql.instant(rs, "to_time").toString()), userId));
            return out;
        });
    }

    @Override
    public void erase(long brandId, long userId) {
        tx.inTransaction(c -> {
            if (platform.members().member(c, brandId, userId).isEmpty()) {
                return null;
            }
            List<Long> messages = Sql.list(c, "SELECT m.id FROM lm_message m JOIN lm_assignment a ON a.complaint_id = "
                + "m.complaint_id WHERE a.brand_id = ? AND m.author_id = ?", rs -> rs.getLong(1), brandId, userId);
            for (long id : messages) {
                Sql.update(c, "DELETE FROM lm_message_report WHERE message_id = ?", id);
                Sql.update(c, "DELETE FROM lm_message WHERE id = ?", id);
            }
            Sql.update(c, "DELETE FROM lm_message_report WHERE reporter_id = ?", userId);
            Sql.update(c, "DELETE FROM lm_message_read WHERE user_id = ? AND complaint_id IN (SELECT complaint_id FROM lm_assignment "
                + "WHERE brand_id = ?)", userId, brandId);
            Sql.update(c, "DELETE FROM lm_store_manager WHERE user_id = ? AND store_id IN (SELECT store_id FROM lm_store "
                + "WHERE brand_id = ?)", userId, brandId);
            Sql.update(c, "DELETE FROM lm_region_manager WHERE user_id = ? AND region_id IN (SELECT id FROM lm_region "
                + "WHERE brand_id = ?)", userId, brandId);
            Sql.update(c, "DELETE FROM lm_absence WHERE user_id = ?", userId);
            // the complaints stay, anonymous, as the core keeps them: nothing here ties them to the member any more
            Sql.update(c, "UPDATE lm_assignment SET complainant_id = NULL WHERE complainant_id = ? AND brand_id = ?", userId, brandId);
            erasedAddress(c, brandId, userId);
            return null;
        });
    }

    /**
     * A finished complaint's private messages (and the reports about them) go once the brand's retention period for
     * private threads has passed since it ended (evaluated by the complainant, or closed without an evaluation; a
     * reopened complaint is not finished), with the parties' read marks; the assignment, its timeline and its figures stay.
     */
    @Override
    public int expirePrivateThreads(long brandId, java.time.Instant endedBefore) {
        return tx.inTransaction(c -> {
            String ended = "SELECT m.id FROM lm_message m JOIN lm_assignment a ON a.complaint_id = m.complaint_id "
                + "WHERE a.brand_id = ? AND COALESCE(a.closed_at, a.evaluated_at) < ?";
            int reports = Sql.update(c, "DELETE FROM lm_message_report WHERE message_id IN (" + ended + ")", brandId, endedBefore);
            Sql.update(c, "DELETE FROM lm_message_read WHERE complaint_id IN (SELECT a.complaint_id FROM lm_assignment a "
                + "WHERE a.brand_id = ? AND COALESCE(a.closed_at, a.evaluated_at) < ?)", brandId, endedBefore);
            return reports + Sql.update(c, "DELETE FROM lm_message WHERE id IN (" + ended + ")", brandId, endedBefore);
        });
    }

    /** The old e-mail log (no longer written) named managers' addresses. */
    private void erasedAddress(Connection c, long brandId, long userId) {
        platform.members().member(c, brandId, userId).ifPresent(m ->
            Sql.update(c, "DELETE FROM lm_mail WHERE brand_id = ? AND LOWER(to_address) = LOWER(?)", brandId, m.email()));
    }
}
