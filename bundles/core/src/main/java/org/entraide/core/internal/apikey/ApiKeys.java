package org.entraide.core.internal.apikey;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.Tokens;
import org.entraide.jdbc.Sql;

/**
 * API keys for a brand's own systems (a CRM, a help desk): created by a brand admin with scopes, shown once, stored
 * hashed, revocable, optionally expiring, their last use kept.
 *
 * <p>A key reads {@code ek_<prefix>_<secret>}: the prefix (8 hex digits) names the key on lists without giving it
 * away, the secret is 256 random bits. Only the SHA-256 digest of the whole key is stored. A slow password hash
 * (Argon2, bcrypt) protects what people choose, which is guessable; 256 random bits are not, so a fast digest
 * already makes a leaked table useless, and it lets each request find its key by an indexed lookup of the digest
 * instead of hashing against every key of the brand at a slow hash's cost per request.
 *
 * <p>A key acts as a brand-level service principal: a caller of its brand with the brand admin's role, limited by
 * the dispatcher to the operations its scopes list ({@link ApiKeyScopes}). Its writes are attributed to the account
 * that created it (events and posts name that account) and each one is logged with the key's id
 * ({@code api_key_action}), so that what a system did is told apart from what its creator did by hand.
 */
public final class ApiKeys {
    /** A key as its brand's admins see it: never its secret. */
    public record KeyView(long id, String name, String prefix, List<String> scopes, Instant createdAt, CreatorRef createdBy,
                          Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** Who created a key. */
    public record CreatorRef(long id, String pseudonym) {
    }

    /** A new key: {@code key} is shown in this answer only. */
    public record Created(long id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
                          String key) {
    }

    /** What a key did: one request other than a read. */
    public record Action(String method, String path, int status, Instant createdAt) {
    }

    /** The caller a key resolves to, with what the dispatcher checks before any operation. */
    public record KeyCaller(long keyId, Caller caller, Set<String> scopes) {
    }

    public static final String PREFIX = "ek_";
    private static final int KEY_LENGTH = PREFIX.length() + 8 + 1 + 43;
    private static final int SESSION_TOKEN_LENGTH = 43;
    /** A busy key writes its last use at most once a minute, not on every request. */
    private static final Duration LAST_USE_STEP = Duration.ofMinutes(1);
    private static final int MAX_KEYS_PER_BRAND = 100;
    /** A later expiry is no expiry: such a key is better made without one, and revoked when done. */
    private static final Duration MAX_LIFETIME = Duration.ofDays(3653);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public ApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Whether an {@code Authorization} header carries an API key (or an attempt at one, refused then as malformed)
     * rather than a member's session token. A session token (43 characters) may begin with {@code ek_} by chance:
     * one of that length stays a session token.
     */
    public static boolean isKey(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorizationHeader.substring(7).strip();
        return token.startsWith(PREFIX) && token.length() != SESSION_TOKEN_LENGTH;
    }

    public Created create(Caller admin, Brand brand, String name, List<String> scopes, Instant expiresAt) {
        requireAdmin(admin, brand);
        Set<String> granted = ApiKeyScopes.parse(scopes);
        Instant now = clock.instant();
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME)))) {
            throw ProblemException.invalid("expiresAt", "a time in the future, within 10 years (or none: until revoked)");
        }
        String prefix = randomHex(4);
        String key = PREFIX + prefix + "_" + Tokens.newToken();
        long id = db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM api_key WHERE brand_id = ? AND revoked_at IS NULL", brand.id())
                    >= MAX_KEYS_PER_BRAND) {
                throw ProblemException.conflict("a brand has at most " + MAX_KEYS_PER_BRAND + " active keys; revoke one first");
            }
            return Sql.insert(c, "INSERT INTO api_key (brand_id, name, prefix, secret_hash, scopes, created_by, created_at, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", brand.id(), name, prefix, Tokens.digest(key),
                String.join(" ", granted), admin.userId(), now, expiresAt);
        });
        return new Created(id, name, prefix, List.copyOf(granted), now, expiresAt, key);
    }

    /** The brand's keys, newest first, revoked ones included (their history matters), never their secrets. */
    public List<KeyView> list(Caller admin, Brand brand) {
        requireAdmin(admin, brand);
        return db.inTransaction(c -> Sql.list(c, "SELECT k.id, k.name, k.prefix, k.scopes, k.created_at, k.created_by, "
            + "u.pseudonym, k.expires_at, k.last_used_at, k.revoked_at FROM api_key k JOIN app_user u ON u.id = k.created_by "
            + "WHERE k.brand_id = ? ORDER BY k.created_at DESC, k.id DESC", rs -> new KeyView(rs.getLong("id"),
                rs.getString("name"), rs.getString("prefix"), List.of(rs.getString("scopes").split(" ")),
                Sql.instant(rs, "created_at"), new CreatorRef(rs.getLong("created_by"), rs.getString("pseudonym")),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at")), brand.id()));
    }

    /** Revokes a key of the brand: refused from the next request on. Revoking a revoked key changes nothing. */
    public void revoke(Caller admin, Brand brand, long keyId) {
        requireAdmin(admin, brand);
        db.inTransaction(c -> {
            requireKey(c, brand, keyId);
            Sql.update(c, "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.instant(), keyId);
            return null;
        });
    }

    /** What a key of the brand did, newest first (at most the last 200 actions). */
    public List<Action> actions(Caller admin, Brand brand, long keyId) {
        requireAdmin(admin, brand);
        return db.inTransaction(c -> {
            requireKey(c, brand, keyId);
            return Sql.list(c, "SELECT method, path, status, created_at FROM api_key_action WHERE key_id = ? "
                + "ORDER BY created_at DESC, id DESC LIMIT 200", rs -> new Action(rs.getString("method"), rs.getString("path"),
                rs.getInt("status"), Sql.instant(rs, "created_at")), keyId);
        });
    }

    /**
     * The caller behind a key; 401 when the key is malformed, unknown, revoked or expired. Its last use is written
     * at most once a minute.
     */
    public KeyCaller authenticate(String authorizationHeader) {
        String key = authorizationHeader.substring(7).strip();
        if (key.length() != KEY_LENGTH || !Tokens.wellFormed(key.substring(KEY_LENGTH - 43))
                || !key.substring(PREFIX.length(), PREFIX.length() + 8).chars().allMatch(ApiKeys::hex)
                || key.charAt(PREFIX.length() + 8) != '_') {
            throw ProblemException.unauthorized("malformed API key");
        }
        String digest = Tokens.digest(key);
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            record Row(long id, long brandId, String slug, String scopes, long createdBy, String pseudonym) {
            }
            Row row = Sql.one(c, "SELECT k.id, k.brand_id, b.slug, k.scopes, k.created_by, u.pseudonym FROM api_key k "
                    + "JOIN brand b ON b.id = k.brand_id JOIN app_user u ON u.id = k.created_by WHERE k.secret_hash = ? "
                    + "AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)",
                    rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)),
                    digest, now)
                .orElseThrow(() -> ProblemException.unauthorized("the API key is unknown, expired or revoked"));
            Sql.update(c, "UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                now, row.id(), now.minus(LAST_USE_STEP));
            Caller caller = new Caller(row.createdBy(), row.brandId(), row.slug(), row.pseudonym(), Set.of(Role.BRAND_ADMIN),
                Set.of());
            return new KeyCaller(row.id(), caller, new TreeSet<>(Arrays.asList(row.scopes().split(" "))));
        });
    }

    /** Logs a request other than a read made with a key, with the status it was answered. */
    public void record(long keyId, String method, String path, int status) {
        String shown = path.length() > 300 ? path.substring(0, 300) : path;
        db.inTransaction(c -> Sql.update(c, "INSERT INTO api_key_action (key_id, method, path, status, created_at) "
            + "VALUES (?, ?, ?, ?, ?)", keyId, method, shown, status, clock.instant()));
    }

    private static void requireKey(Connection c, Brand brand, long keyId) {
        if (Sql.count(c, "SELECT COUNT(*) FROM api_key WHERE id = ? AND brand_id = ?", keyId, brand.id()) == 0) {
            throw ProblemException.notFound("no API key " + keyId);
        }
    }

    private static void requireAdmin(Caller caller, Brand brand) {
        if (caller.brandId() != brand.id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins manage their brand's API keys");
        }
    }

    private static boolean hex(int ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
