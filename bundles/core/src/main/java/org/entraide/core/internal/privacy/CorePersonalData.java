package org.entraide.core.internal.privacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entraide.api.privacy.PersonalData;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.Tokens;
import org.entraide.jdbc.Sql;

/**
 * What the core holds about a member: the account, their posts with every version, votes, complaints with their
 * threads, sessions and consents. Erasure keeps the account's row (posts, votes and others' ledgers point at it) and
 * empties it: the address becomes {@code erased-<id>@erased.invalid}, the pseudonym {@code former-member-<id>}, the
 * password unusable; sessions, links, roles, reservations, consents, e-mails to the person and the logs keyed by their
 * address go.
 */
public final class CorePersonalData implements PersonalData {
    public static final String FORMER_MEMBER = "former-member-";

    private final Database db;
    private final java.time.Clock clock;

    public CorePersonalData(Database db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "core";
    }

    /** The pseudonym an erased account shows, where its posts stay. */
    public static String formerMember(long userId) {
        return FORMER_MEMBER + userId;
    }

    @Override
    public Map<String, Object> export(long brandId, long userId) {
        return db.inTransaction(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Sql.one(c, "SELECT email, pseudonym, bio, locale, time_zone, created_at, email_verified_at FROM app_user "
                    + "WHERE id = ? AND brand_id = ? AND erased_at IS NULL", rs -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", userId);
                    put(p, "email", rs.getString("email"));
                    put(p, "pseudonym", rs.getString("pseudonym"));
                    put(p, "bio", rs.getString("bio"));
                    put(p, "locale", rs.getString("locale"));
                    put(p, "timeZone", rs.getString("time_zone"));
                    put(p, "createdAt", Sql.instant(rs, "created_at"));
                    put(p, "emailVerifiedAt", Sql.instant(rs, "email_verified_at"));
                    return p;
                }, userId, brandId).ifPresent(p -> out.put("profile", p));
            if (!out.containsKey("profile")) {
                return out;
            }
            out.put("roles", Sql.list(c, "SELECT role FROM user_role WHERE user_id = ? ORDER BY role", rs -> rs.getString(1), userId));
            out.put("posts", posts(c, userId, "p.post_type IN ('QUESTION', 'ANSWER')"));
            out.put("complaints", complaints(c, userId));
            out.put("votes", Sql.list(c, "SELECT post_id, vote_value, created_at, updated_at FROM vote WHERE user_id = ? "
                + "ORDER BY created_at", rs -> row("postId", rs.getLong("post_id"), "value", rs.getInt("vote_value"),
                "createdAt", Sql.instant(rs, "created_at"), "updatedAt", Sql.instant(rs, "updated_at")), userId));
            out.put("sessions", Sql.list(c, "SELECT device, created_at, last_used_at, expires_at, revoked_at FROM auth_token "
                + "WHERE user_id = ? ORDER BY created_at", rs -> row("device", rs.getString("device"),
                "createdAt", Sql.instant(rs, "created_at"), "lastUsedAt", Sql.instant(rs, "last_used_at"),
                "expiresAt", Sql.instant(rs, "expires_at"), "revokedAt", Sql.instant(rs, "revoked_at")), userId));
            out.put("comments", Sql.list(c, "SELECT id, post_id, body, publication, created_at, edited_at, deleted_at "
                + "FROM post_comment WHERE author_id = ? ORDER BY created_at", rs -> row("id", rs.getLong("id"),
                "postId", rs.getLong("post_id"), "body", rs.getString("body"), "publication", rs.getString("publication"),
                "createdAt", Sql.instant(rs, "created_at"), "editedAt", Sql.instant(rs, "edited_at"),
                "deletedAt", Sql.instant(rs, "deleted_at")), userId));
            out.put("drafts", Sql.list(c, "SELECT draft_key, title, body, updated_at FROM post_draft WHERE user_id = ? "
                + "ORDER BY updated_at", rs -> row("key", rs.getString("draft_key"), "title", rs.getString("title"),
                "body", rs.getString("body"), "updatedAt", Sql.instant(rs, "updated_at")), userId));
            out.put("avatarUploaded", Sql.count(c, "SELECT COUNT(*) FROM user_avatar WHERE user_id = ?", userId) > 0);
            out.put("singleSignOn", Sql.list(c, "SELECT issuer, subject, created_at FROM sso_link WHERE user_id = ? "
                + "ORDER BY created_at", rs -> row("issuer", rs.getString("issuer"), "subject", rs.getString("subject"),
                "linkedAt", Sql.instant(rs, "created_at")), userId));
            out.put("consents", Sql.list(c, "SELECT document, doc_version, accepted_at FROM privacy_consent WHERE user_id = ? "
                + "ORDER BY accepted_at", rs -> row("document", rs.getString("document"), "version",
                rs.getString("doc_version"), "acceptedAt", Sql.instant(rs, "accepted_at")), userId));
            return out;
        });
    }

    private static List<Map<String, Object>> posts(Connection c, long userId, String which) {
        List<Map<String, Object>> posts = Sql.list(c, "SELECT p.id, p.post_type, p.parent_id, p.title, p.body, "
            + "p.publication, p.created_at, p.edited_at, p.deleted_at FROM post p WHERE p.author_id = ? AND " + which
            + " ORDER BY p.id", CorePersonalData::post, userId);
        for (Map<String, Object> p : posts) {
            p.put("versions", Sql.list(c, "SELECT revision, title, body, created_at FROM post_revision WHERE post_id = ? "
                + "ORDER BY revision", rs -> row("revision", rs.getInt("revision"), "title", rs.getString("title"),
                "body", rs.getString("body"), "createdAt", Sql.instant(rs, "created_at")), p.get("id")));
        }
        return posts;
    }

    /** The member's complaints, each with its whole thread (the responses). */
    private static List<Map<String, Object>> complaints(Connection c, long userId) {
        List<Map<String, Object>> complaints = posts(c, userId, "p.post_type = 'COMPLAINT'");
        for (Map<String, Object> complaint : complaints) {
            complaint.put("thread", Sql.list(c, "SELECT p.id, p.post_type, p.parent_id, p.title, p.body, p.publication, "
                + "p.created_at, p.edited_at, p.deleted_at FROM post p WHERE p.parent_id = ? ORDER BY p.id",
                CorePersonalData::post, complaint.get("id")));
        }
        return complaints;
    }

    private static Map<String, Object> post(ResultSet rs) throws SQLException {
        return row("id", rs.getLong("id"), "type", rs.getString("post_type"), "parentId", Sql.nullableLong(rs, "parent_id"),
            "title", rs.getString("title"), "body", rs.getString("body"), "publication", rs.getString("publication"),
            "createdAt", Sql.instant(rs, "created_at"), "editedAt", Sql.instant(rs, "edited_at"),
            "deletedAt", Sql.instant(rs, "deleted_at"));
    }

    @Override
    public void erase(long brandId, long userId) {
        db.inTransaction(c -> {
            Sql.one(c, "SELECT email FROM app_user WHERE id = ? AND brand_id = ?", rs -> rs.getString(1), userId, brandId)
                .ifPresent(email -> erase(c, brandId, userId, email, clock.instant()));
            return null;
        });
    }

    private static void erase(Connection c, long brandId, long userId, String email, Instant now) {
        String slug = Sql.one(c, "SELECT slug FROM brand WHERE id = ?", rs -> rs.getString(1), brandId).orElseThrow();
        // every address the person used here: the account's, and those a pending change was about to confirm
        List<String> addresses = new ArrayList<>(Sql.list(c, "SELECT DISTINCT new_email FROM account_token WHERE user_id = ? "
            + "AND new_email IS NOT NULL", rs -> rs.getString(1), userId));
        addresses.add(email);
        for (String address : addresses) {
            String lower = address.toLowerCase(Locale.ROOT);
            Sql.update(c, "DELETE FROM mail_outbox WHERE brand_id = ? AND LOWER(to_address) = ?", brandId, lower);
            Sql.update(c, "DELETE FROM mail_suppression WHERE address = ?", lower);
            String account = Tokens.digest(slug + "/" + lower);
            Sql.update(c, "DELETE FROM login_address WHERE account = ?", account);
            Sql.update(c, "DELETE FROM rate_limit_hit WHERE subject = ?", account);
            Sql.update(c, "DELETE FROM rate_limit WHERE subject = ?", account);
        }
        String own = Tokens.digest("user/" + userId);
        Sql.update(c, "DELETE FROM rate_limit_hit WHERE subject = ?", own);
        Sql.update(c, "DELETE FROM rate_limit WHERE subject = ?", own);
        Sql.update(c, "DELETE FROM auth_token WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM account_token WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM pseudonym_reservation WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM user_role WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM store_manager WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM privacy_consent WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM privacy_export WHERE user_id = ?", userId);
        // the picture, the unsent drafts and the links to an identity provider's account are the member's alone
        Sql.update(c, "DELETE FROM user_avatar WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM post_draft WHERE user_id = ?", userId);
        Sql.update(c, "DELETE FROM sso_link WHERE user_id = ?", userId);
        String former = formerMember(userId);
        renameMentions(c, userId, former);
        // the registration event named the pseudonym: it now names the former member, as the account does
        Sql.update(c, "UPDATE domain_event SET payload = ? WHERE event_type = 'user.registered' AND subject_type = 'user' "
            + "AND subject_id = ?", "{\"userId\":" + userId + ",\"pseudonym\":\"" + former + "\"}", userId);
        Sql.update(c, "UPDATE app_user SET email = ?, pseudonym = ?, pseudonym_key = ?, password_hash = '!', bio = NULL, "
                + "time_zone = NULL, email_verified_at = NULL, pseudonym_changed_at = NULL, erased_at = COALESCE(erased_at, ?) "
                + "WHERE id = ?", "erased-" + userId + "@erased.invalid", former, former, now, userId);
    }

    /**
     * Others' comments that named the member keep their words, with the former member's name in place of the
     * pseudonym (as the posts' author shows), and the record that they named the member goes.
     */
    private static void renameMentions(Connection c, long userId, String former) {
        String pseudonym = Sql.one(c, "SELECT pseudonym FROM app_user WHERE id = ?", rs -> rs.getString(1), userId).orElse(null);
        if (pseudonym != null) {
            // a mention is matched whatever its case, and ends where a pseudonym's characters end; the sanitized HTML
            // writes the @ as &#64;
            java.util.regex.Pattern mention = java.util.regex.Pattern.compile("(@|&#64;)" + java.util.regex.Pattern.quote(pseudonym)
                + "(?![A-Za-z0-9_.-])", java.util.regex.Pattern.CASE_INSENSITIVE);
            String replacement = "$1" + java.util.regex.Matcher.quoteReplacement(former);
            for (long[] id : Sql.list(c, "SELECT comment_id FROM comment_mention WHERE member_id = ?",
                    rs -> new long[] {rs.getLong(1)}, userId)) {
                Sql.one(c, "SELECT body, body_html FROM post_comment WHERE id = ?", rs -> new String[] {rs.getString(1),
                    rs.getString(2)}, id[0]).ifPresent(texts -> Sql.update(c, "UPDATE post_comment SET body = ?, body_html = ? "
                    + "WHERE id = ?", mention.matcher(texts[0]).replaceAll(replacement),
                    mention.matcher(texts[1]).replaceAll(replacement), id[0]));
            }
        }
        Sql.update(c, "DELETE FROM comment_mention WHERE member_id = ?", userId);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value instanceof Instant i ? i.toString() : value);
        }
    }

    /** A row as a map without nulls (absent keys), times as ISO-8601 strings. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            put(m, (String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
