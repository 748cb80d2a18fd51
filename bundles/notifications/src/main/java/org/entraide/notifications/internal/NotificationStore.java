package org.entraide.notifications.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.jdbc.Sql;

/** The plugin's tables. Stateless; every method runs on the caller's connection and transaction. */
final class NotificationStore {
    /** A stored notification. */
    record Row(long id, long brandId, long recipientId, String kind, String threadType, long threadId, String linkPath,
               Map<String, Object> params, Instant createdAt, Instant readAt) {
    }

    private static final String COLUMNS = "id, brand_id, recipient_id, kind, thread_type, thread_id, link_path, params, "
        + "created_at, read_at";
    static final String EMAIL_STATE = "CASE %s WHEN 'email' THEN 'TODO' WHEN 'daily' THEN 'DAILY' "
        + "WHEN 'weekly' THEN 'WEEKLY' ELSE NULL END";
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- writing notifications

    /** One recipient's notification, unless they already have it (a replayed event) or their channel is off. */
    boolean notifyOne(Connection c, Draft d, long recipient, Channel channel) {
        if (channel == Channel.OFF) {
            return false;
        }
        return Sql.update(c, "INSERT INTO ntf_notification (brand_id, recipient_id, kind, event_id, thread_type, thread_id, "
            + "link_path, params, created_at, email_state) SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(40)), "
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(20)), CAST(? AS BIGINT), CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(4000)), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), " + String.format(EMAIL_STATE, "CAST(? AS VARCHAR(10))")
            + " WHERE NOT EXISTS (SELECT 1 FROM ntf_notification WHERE recipient_id = ? AND event_id = ? AND kind = ?)",
            d.brandId(), recipient, d.kind().key(), d.eventId(), d.threadType(), d.threadId(), d.linkPath(), json(d.params()),
            d.at(), channel.key(), recipient, d.eventId(), d.kind().key()) == 1;
    }

    /** The notifications of an event whose e-mail is still to be decided. */
    List<Row> toMail(Connection c, long eventId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM ntf_notification WHERE event_id = ? AND email_state = 'TODO' ORDER BY id",
            NotificationStore::row, eventId);
    }

    void emailState(Connection c, long id, String state) {
        Sql.update(c, "UPDATE ntf_notification SET email_state = ? WHERE id = ?", state, id);
    }

    List<Row> pending(Connection c, long recipient, String threadType, long threadId) {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM ntf_notification WHERE recipient_id = ? AND thread_type = ? "
            + "AND thread_id = ? AND email_state = 'PENDING' ORDER BY id", NotificationStore::row, recipient, threadType, threadId);
    }

    // ---- reading notifications

    /**
     * A member's notifications, newest first: {@code limit} rows from {@code offset}, below the id {@code before} when
     * it is given (a page after a cursor: a range of {@code ntf_notification_inbox_ix}, or of
     * {@code ntf_notification_unread_ix} for the unread ones, however many the member has).
     */
    List<Row> page(Connection c, long brandId, long recipient, boolean unreadOnly, Long before, int limit, long offset) {
        List<Object> params = new java.util.ArrayList<>(List.of(recipient, brandId));
        if (before != null) {
            params.add(before);
        }
        params.add(limit);
        params.add(offset);
        return Sql.list(c, pageSql(unreadOnly, before != null), NotificationStore::row, params.toArray());
    }

    /** The SQL of {@link #page}: recipient, brand, [before,] limit, offset. */
    static String pageSql(boolean unreadOnly, boolean after) {
        return "SELECT " + COLUMNS + " FROM ntf_notification WHERE recipient_id = ? AND brand_id = ? "
            + (unreadOnly ? "AND read_at IS NULL " : "") + (after ? "AND id < ? " : "") + "ORDER BY id DESC LIMIT ? OFFSET ?";
    }

    record Counts(long total, long unread) {
    }

    /**
     * A member's notifications and unread ones, in one scan of {@code ntf_notification_unread_ix} (its columns hold
     * both); only the unread ones when {@code unreadOnly}, which are then the total too.
     */
    Counts counts(Connection c, long brandId, long recipient, boolean unreadOnly) {
        if (unreadOnly) {
            long unread = count(c, brandId, recipient, true);
            return new Counts(unread, unread);
        }
        return Sql.one(c, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) FROM ntf_notification "
            + "WHERE recipient_id = ? AND brand_id = ?", rs -> new Counts(rs.getLong(1), rs.getLong(2)), recipient, brandId)
            .orElseThrow();
    }

    long count(Connection c, long brandId, long recipient, boolean unreadOnly) {
        return Sql.count(c, "SELECT COUNT(*) FROM ntf_notification WHERE recipient_id = ? AND brand_id = ?"
            + (unreadOnly ? " AND read_at IS NULL" : ""), recipient, brandId);
    }

    boolean markRead(Connection c, long brandId, long recipient, long id, Instant at) {
        if (Sql.count(c, "SELECT COUNT(*) FROM ntf_notification WHERE id = ? AND recipient_id = ? AND brand_id = ?", id,
            recipient, brandId) == 0) {
            return false;
        }
        Sql.update(c, "UPDATE ntf_notification SET read_at = ? WHERE id = ? AND read_at IS NULL", at, id);
        return true;
    }

    void markAllRead(Connection c, long brandId, long recipient, Instant at) {
        Sql.update(c, "UPDATE ntf_notification SET read_at = ? WHERE recipient_id = ? AND brand_id = ? AND read_at IS NULL",
            at, recipient, brandId);
    }

    // ---- follows

    /** Follows the target at that level, unless the member already chose a level for it (a mute stays a mute). */
    void followByDefault(Connection c, long brandId, long member, Target t, String level, Instant at) {
        Sql.update(c, "INSERT INTO ntf_follow (brand_id, member_id, target_type, target_key, level, created_at) "
            + "SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(10)), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS (SELECT 1 FROM ntf_follow WHERE member_id = ? "
            + "AND target_type = ? AND target_key = ?)", brandId, member, t.type(), t.key(), level, at, member, t.type(), t.key());
    }

    /**
     * Sets the member's level for the target. The default follow of what they ask or answer is written by the event
     * subscriber in another transaction, possibly at the same moment: when its row wins the race, the member's choice
     * updates it instead of failing on the primary key.
     */
    void follow(Connection c, long brandId, long member, Target t, String level, Instant at) {
        if (setLevel(c, member, t, level) > 0) {
            return;
        }
        if (!Sql.insertUnlessPresent(c, "INSERT INTO ntf_follow (brand_id, member_id, target_type, target_key, level, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)", brandId, member, t.type(), t.key(), level, at)) {
            setLevel(c, member, t, level);
        }
    }

    private static int setLevel(Connection c, long member, Target t, String level) {
        return Sql.update(c, "UPDATE ntf_follow SET level = ? WHERE member_id = ? AND target_type = ? AND target_key = ?", level,
            member, t.type(), t.key());
    }

    void unfollow(Connection c, long brandId, long member, Target t) {
        Sql.update(c, "DELETE FROM ntf_follow WHERE member_id = ? AND brand_id = ? AND target_type = ? AND target_key = ?",
            member, brandId, t.type(), t.key());
    }

    Optional<String> level(Connection c, long member, Target t) {
        return Sql.one(c, "SELECT level FROM ntf_follow WHERE member_id = ? AND target_type = ? AND target_key = ?",
            rs -> rs.getString(1), member, t.type(), t.key());
    }

    List<Map<String, Object>> follows(Connection c, long brandId, long member) {
        return Sql.list(c, "SELECT target_type, target_key, level FROM ntf_follow WHERE member_id = ? AND brand_id = ? "
            + "ORDER BY created_at DESC, target_type, target_key", rs -> Map.of("targetType", rs.getString(1),
            "targetKey", rs.getString(2), "level", rs.getString(3)), member, brandId);
    }

    // ---- preferences

    Map<String, Channel> brandDefaults(Connection c, long brandId) {
        Map<String, Channel> out = new java.util.HashMap<>();
        Sql.list(c, "SELECT kind, channel FROM ntf_brand_default WHERE brand_id = ?", rs -> new String[] {rs.getString(1),
            rs.getString(2)}, brandId).forEach(r -> out.put(r[0], Channel.of(r[1])));
        return out;
    }

    Channel brandDefault(Connection c, long brandId, Kind kind) {
        return Sql.one(c, "SELECT channel FROM ntf_brand_default WHERE brand_id = ? AND kind = ?", rs -> Channel.of(rs.getString(1)),
            brandId, kind.key()).orElse(kind.builtInDefault());
    }

    void setBrandDefault(Connection c, long brandId, Kind kind, Channel channel) {
        if (Sql.update(c, "UPDATE ntf_brand_default SET channel = ? WHERE brand_id = ? AND kind = ?", channel.key(), brandId,
            kind.key()) == 0) {
            Sql.update(c, "INSERT INTO ntf_brand_default (brand_id, kind, channel) VALUES (?, ?, ?)", brandId, kind.key(), channel.key());
        }
    }

    Map<String, Channel> memberChoices(Connection c, long member) {
        Map<String, Channel> out = new java.util.HashMap<>();
        Sql.list(c, "SELECT kind, channel FROM ntf_preference WHERE member_id = ?", rs -> new String[] {rs.getString(1),
            rs.getString(2)}, member).forEach(r -> out.put(r[0], Channel.of(r[1])));
        return out;
    }

    /** The member's channel for the kind: their choice, else the brand's default, else the built-in one. */
    Channel channel(Connection c, long brandId, long member, Kind kind) {
        return Sql.one(c, "SELECT channel FROM ntf_preference WHERE member_id = ? AND kind = ?", rs -> Channel.of(rs.getString(1)),
            member, kind.key()).orElseGet(() -> brandDefault(c, brandId, kind));
    }

    void setChannel(Connection c, long brandId, long member, Kind kind, Channel channel) {
        if (Sql.update(c, "UPDATE ntf_preference SET channel = ? WHERE member_id = ? AND kind = ?", channel.key(), member,
            kind.key()) == 0) {
            Sql.update(c, "INSERT INTO ntf_preference (brand_id, member_id, kind, channel) VALUES (?, ?, ?, ?)", brandId, member,
                kind.key(), channel.key());
        }
    }

    Optional<String> language(Connection c, long member) {
        return Sql.one(c, "SELECT language FROM ntf_member WHERE member_id = ?", rs -> rs.getString(1), member);
    }

    void setLanguage(Connection c, long brandId, long member, String language) {
        if (Sql.update(c, "UPDATE ntf_member SET language = ? WHERE member_id = ?", language, member) == 0) {
            Sql.update(c, "INSERT INTO ntf_member (brand_id, member_id, language) VALUES (?, ?, ?)", brandId, member, language);
        }
    }

    // ---- e-mail bookkeeping

    /** When the last e-mail of the thread left for the recipient, with the row locked; empty when none did. */
    Optional<Instant> lastSent(Connection c, long recipient, String threadType, long threadId) {
        return Sql.one(c, "SELECT last_sent_at FROM ntf_email WHERE recipient_id = ? AND thread_type = ? AND thread_id = ? "
            + "FOR UPDATE", rs -> Sql.instant(rs, "last_sent_at"), recipient, threadType, threadId);
    }

    void sent(Connection c, long brandId, long recipient, String threadType, long threadId, Instant at) {
        if (Sql.update(c, "UPDATE ntf_email SET last_sent_at = ?, flush_at = NULL WHERE recipient_id = ? AND thread_type = ? "
            + "AND thread_id = ?", at, recipient, threadType, threadId) == 0) {
            Sql.update(c, "INSERT INTO ntf_email (brand_id, recipient_id, thread_type, thread_id, last_sent_at) VALUES (?, ?, ?, ?, ?)",
                brandId, recipient, threadType, threadId, at);
        }
    }

    void flushAt(Connection c, long recipient, String threadType, long threadId, Instant at) {
        Sql.update(c, "UPDATE ntf_email SET flush_at = ? WHERE recipient_id = ? AND thread_type = ? AND thread_id = ? "
            + "AND flush_at IS NULL", at, recipient, threadType, threadId);
    }

    /** Threads whose window ended with notifications waiting, locked for this flusher. */
    List<Object[]> dueThreads(Connection c, Instant now, int limit) {
        return Sql.list(c, "SELECT brand_id, recipient_id, thread_type, thread_id FROM ntf_email WHERE flush_at <= ? "
            + "ORDER BY flush_at LIMIT ? FOR UPDATE SKIP LOCKED", rs -> new Object[] {rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getLong(4)}, now, limit);
    }

    // ---- pages being read

    /** The member has the thread's page in front of them now. */
    void viewed(Connection c, long brandId, long member, String threadType, long threadId, Instant at) {
        if (Sql.update(c, "UPDATE ntf_view SET viewed_at = ? WHERE member_id = ? AND thread_type = ? AND thread_id = ? "
            + "AND viewed_at < ?", at, member, threadType, threadId, at) == 0) {
            Sql.update(c, "INSERT INTO ntf_view (brand_id, member_id, thread_type, thread_id, viewed_at) SELECT CAST(? AS BIGINT), "
                + "CAST(? AS BIGINT), CAST(? AS VARCHAR(20)), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS "
                + "(SELECT 1 FROM ntf_view WHERE member_id = ? AND thread_type = ? AND thread_id = ?)", brandId, member, threadType,
                threadId, at, member, threadType, threadId);
        }
    }

    /** When the member last had the thread's page in front of them; empty when never (or not since it was kept). */
    Optional<Instant> lastViewed(Connection c, long member, String threadType, long threadId) {
        return Sql.one(c, "SELECT viewed_at FROM ntf_view WHERE member_id = ? AND thread_type = ? AND thread_id = ?",
            rs -> Sql.instant(rs, "viewed_at"), member, threadType, threadId);
    }

    // ---- digests

    /**
     * The next {@code limit} members after {@code afterRecipient} with notifications waiting for a digest of that
     * channel, with the oldest one's time, in member order: a job walks them all in batches. The batch's last member is
     * found first, from {@code ntf_notification_email_ix} read in its order; then its range is grouped. Grouped at
     * once with a LIMIT, H2 grouped every waiting row after {@code afterRecipient} for each batch: a digest of 100,000
     * members spent most of its two minutes there.
     */
    List<Object[]> digestCandidates(Connection c, Channel channel, long afterRecipient, int limit) {
        long from = afterRecipient;
        long upTo = afterRecipient;
        int members = 0;
        int page = 4 * limit;
        while (members < limit) {
            List<Long> ids = Sql.list(c, "SELECT recipient_id FROM ntf_notification WHERE email_state = ? AND recipient_id > ? "
                + "ORDER BY email_state, recipient_id LIMIT ?", rs -> rs.getLong(1), state(channel), from, page);
            for (long id : ids) {
                if (id != upTo) {
                    if (members == limit) {
                        break;
                    }
                    members++;
                    upTo = id;
                }
            }
            if (ids.size() < page) {
                break;
            }
            from = ids.get(ids.size() - 1);
        }
        if (members == 0) {
            return List.of();
        }
        return Sql.list(c, "SELECT brand_id, recipient_id, MIN(created_at) AS oldest FROM ntf_notification WHERE email_state = ? "
            + "AND recipient_id > ? AND recipient_id <= ? GROUP BY recipient_id, brand_id ORDER BY recipient_id",
            rs -> new Object[] {rs.getLong(1), rs.getLong(2), Sql.instant(rs, "oldest")}, state(channel), afterRecipient, upTo);
    }

    /** Sets the e-mail state of these notifications, in one statement per few hundred. */
    void emailStates(Connection c, List<Row> rows, String state) {
        for (int from = 0; from < rows.size(); from += 500) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + 500));
            List<Object> params = new ArrayList<>(List.of(state));
            part.forEach(r -> params.add(r.id()));
            Sql.update(c, "UPDATE ntf_notification SET email_state = ? WHERE id IN (" + String.join(", ",
                part.stream().map(r -> "?").toList()) + ")", params.toArray());
        }
    }

    /** When each of these members' last digest of the channel left; absent for a first one. */
    Map<Long, Instant> lastDigests(Connection c, List<Long> recipients, Channel channel) {
        Map<Long, Instant> out = new java.util.HashMap<>();
        if (recipients.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>(List.of(channel.key()));
        params.addAll(recipients);
        Sql.list(c, "SELECT recipient_id, last_sent_at FROM ntf_digest WHERE channel = ? AND recipient_id IN (" + marks(recipients)
            + ")", rs -> new Object[] {rs.getLong(1), Sql.instant(rs, "last_sent_at")}, params.toArray())
            .forEach(r -> out.put((Long) r[0], (Instant) r[1]));
        return out;
    }

    /** The notifications waiting for these members' digests of the channel, locked, per member in order. */
    Map<Long, List<Row>> waitingDigests(Connection c, List<Long> recipients, Channel channel) {
        Map<Long, List<Row>> out = new java.util.HashMap<>();
        if (recipients.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>(List.of(state(channel)));
        params.addAll(recipients);
        for (Row r : Sql.list(c, "SELECT " + COLUMNS + " FROM ntf_notification WHERE email_state = ? AND recipient_id IN ("
            + marks(recipients) + ") ORDER BY recipient_id, id FOR UPDATE", NotificationStore::row, params.toArray())) {
            out.computeIfAbsent(r.recipientId(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The language each of these members chose; absent: the default. */
    Map<Long, String> languages(Connection c, List<Long> members) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (!members.isEmpty()) {
            Sql.list(c, "SELECT member_id, language FROM ntf_member WHERE member_id IN (" + marks(members) + ")",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, members.toArray()).forEach(r -> out.put((Long) r[0], (String) r[1]));
        }
        return out;
    }

    /** Records these members' digests as sent now: {brand, member} pairs; {@code known} already have a row. */
    void digestsSent(Connection c, List<long[]> members, java.util.Set<Long> known, Channel channel, Instant at) {
        List<Long> update = members.stream().map(m -> m[1]).filter(known::contains).toList();
        if (!update.isEmpty()) {
            List<Object> params = new ArrayList<>(List.of(at, channel.key()));
            params.addAll(update);
            Sql.update(c, "UPDATE ntf_digest SET last_sent_at = ? WHERE channel = ? AND recipient_id IN (" + marks(update) + ")",
                params.toArray());
        }
        List<long[]> insert = members.stream().filter(m -> !known.contains(m[1])).toList();
        for (int from = 0; from < insert.size(); from += 200) {
            List<long[]> part = insert.subList(from, Math.min(insert.size(), from + 200));
            List<Object> params = new ArrayList<>();
            part.forEach(m -> params.addAll(List.of(m[0], m[1], channel.key(), at)));
            Sql.update(c, "INSERT INTO ntf_digest (brand_id, recipient_id, channel, last_sent_at) VALUES "
                + String.join(", ", part.stream().map(m -> "(?, ?, ?, ?)").toList()), params.toArray());
        }
    }

    private static String marks(List<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }

    private static String state(Channel channel) {
        return channel == Channel.WEEKLY ? "WEEKLY" : "DAILY";
    }

    // ---- the secret

    String secret(Connection c, String generated) {
        Optional<String> stored = Sql.one(c, "SELECT secret FROM ntf_secret WHERE id = 1", rs -> rs.getString(1));
        if (stored.isPresent()) {
            return stored.get();
        }
        Sql.update(c, "INSERT INTO ntf_secret (id, secret) VALUES (1, ?)", generated);
        return generated;
    }

    // ----

    static String json(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (Exception e) {
            throw new IllegalArgumentException("unwritable notification parameters", e);
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> params;
        try {
            params = JSON.readValue(rs.getString("params"), new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            params = Map.of();
        }
        return new Row(rs.getLong("id"), rs.getLong("brand_id"), rs.getLong("recipient_id"), rs.getString("kind"),
            rs.getString("thread_type"), rs.getLong("thread_id"), rs.getString("link_path"), params,
            Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at"));
    }
}
