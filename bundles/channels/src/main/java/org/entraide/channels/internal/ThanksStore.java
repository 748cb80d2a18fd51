package org.entraide.channels.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.entraide.jdbc.Sql;

/** The plugin's rows: thanks to stores' teams and the brands' channel settings. */
final class ThanksStore {
    /** A thanks as the store's managers and the brand's staff read it; who sent it is not part of it. */
    record Thanks(long id, String message, String source, boolean signedIn, Instant createdAt) {
    }

    /** A thanks as its sender's data export has it. */
    record Sent(long id, long storeId, String message, String source, Instant createdAt) {
    }

    long add(Connection c, long brandId, long storeId, Long userId, String senderKey, String source, String message,
             Instant at) {
        return Sql.insert(c, "INSERT INTO channels_thanks (brand_id, store_id, user_id, sender_key, source, message, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)", brandId, storeId, userId, senderKey, source, message, at);
    }

    long sentSince(Connection c, long brandId, String senderKey, Instant since) {
        return Sql.count(c, "SELECT COUNT(*) FROM channels_thanks WHERE brand_id = ? AND sender_key = ? AND created_at >= ?",
            brandId, senderKey, since);
    }

    long count(Connection c, long brandId, long storeId, Instant since) {
        return Sql.count(c, "SELECT COUNT(*) FROM channels_thanks WHERE brand_id = ? AND store_id = ? AND created_at >= ?",
            brandId, storeId, since);
    }

    List<Thanks> recent(Connection c, long brandId, long storeId, int limit) {
        return Sql.list(c, "SELECT id, message, source, user_id, created_at FROM channels_thanks WHERE brand_id = ? "
            + "AND store_id = ? ORDER BY created_at DESC, id DESC LIMIT " + limit, rs -> new Thanks(rs.getLong("id"),
                rs.getString("message"), rs.getString("source"), Sql.nullableLong(rs, "user_id") != null,
                Sql.instant(rs, "created_at")), brandId, storeId);
    }

    List<Sent> sentBy(Connection c, long brandId, long userId) {
        return Sql.list(c, "SELECT id, store_id, message, source, created_at FROM channels_thanks WHERE brand_id = ? "
            + "AND user_id = ? ORDER BY id", rs -> new Sent(rs.getLong("id"), rs.getLong("store_id"), rs.getString("message"),
                rs.getString("source"), Sql.instant(rs, "created_at")), brandId, userId);
    }

    /** The store keeps the count; the sender and their words go. */
    void forget(Connection c, long brandId, long userId) {
        Sql.update(c, "UPDATE channels_thanks SET user_id = NULL, message = NULL, sender_key = 'erased' "
            + "WHERE brand_id = ? AND user_id = ?", brandId, userId);
    }

    List<String> embedOrigins(Connection c, long brandId) {
        return Sql.one(c, "SELECT embed_origins FROM channels_brand_setting WHERE brand_id = ?", rs -> rs.getString(1), brandId)
            .map(EmbedOrigins::split).orElse(List.of());
    }

    String inboundDomain(Connection c, long brandId) {
        // a list, not Sql.one: the column may be null
        List<String> found = Sql.list(c, "SELECT inbound_domain FROM channels_brand_setting WHERE brand_id = ?",
            rs -> rs.getString(1), brandId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The brand's own limit on an attachment's size, in kilobytes; null for the configured ceiling. */
    Integer attachmentMaxKilobytes(Connection c, long brandId) {
        List<Integer> found = Sql.list(c, "SELECT attachment_max_kb FROM channels_brand_setting WHERE brand_id = ?",
            rs -> Sql.nullableInt(rs, "attachment_max_kb"), brandId);
        return found.isEmpty() ? null : found.get(0);
    }

    void saveSettings(Connection c, long brandId, List<String> origins, String inboundDomain, Integer attachmentMaxKb,
                      Instant at) {
        String joined = String.join(" ", origins);
        if (Sql.update(c, "UPDATE channels_brand_setting SET embed_origins = ?, inbound_domain = ?, attachment_max_kb = ?, "
            + "updated_at = ? WHERE brand_id = ?", joined, inboundDomain, attachmentMaxKb, at, brandId) == 0) {
            Sql.update(c, "INSERT INTO channels_brand_setting (brand_id, embed_origins, inbound_domain, attachment_max_kb, "
                + "updated_at) VALUES (?, ?, ?, ?, ?)", brandId, joined, inboundDomain, attachmentMaxKb, at);
        }
    }
}
