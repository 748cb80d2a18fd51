package org.entraide.core.internal.account;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.security.Tokens;
import org.entraide.jdbc.Sql;

/**
 * Single-use tokens sent by e-mail. The link carries 256 random bits; only their SHA-256 digest is stored, so a
 * leaked table opens no account. A token is spent by one atomic update: two uses of the same link cannot both pass.
 */
public final class AccountTokens {
    /** What a token lets its holder do. */
    public enum Purpose { VERIFY, RESET }

    /** A spent token: whose account, and for a verification the address it confirms. */
    public record Spent(long userId, String email) {
    }

    private AccountTokens() {
    }

    /** Issues a token; earlier unused tokens of that purpose for the account stop working (only the last link counts). */
    public static String issue(Connection c, long userId, Purpose purpose, String email, Instant now, Duration validFor) {
        Sql.update(c, "UPDATE account_token SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
            now, userId, purpose);
        String token = Tokens.newToken();
        Sql.update(c, "INSERT INTO account_token (token_hash, user_id, purpose, new_email, created_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)", Tokens.digest(token), userId, purpose, email, now, now.plus(validFor));
        return token;
    }

    /**
     * Spends a token of that purpose and brand.
     * @throws ProblemException 400 naming {@code token} when it is unknown, of another brand, expired or already used
     */
    public static Spent spend(Connection c, long brandId, String token, Purpose purpose, Instant now) {
        if (!Tokens.wellFormed(token)) {
            throw invalid();
        }
        String digest = Tokens.digest(token);
        Optional<Spent> found = Sql.one(c, "SELECT t.user_id, t.new_email FROM account_token t JOIN app_user u ON u.id = t.user_id "
            + "WHERE t.token_hash = ? AND t.purpose = ? AND u.brand_id = ? AND t.used_at IS NULL AND t.expires_at > ?",
            rs -> new Spent(rs.getLong(1), rs.getString(2)), digest, purpose, brandId, now);
        if (found.isEmpty() || Sql.update(c, "UPDATE account_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                now, digest) != 1) {
            throw invalid();
        }
        return found.get();
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("token", "this link is unknown, expired or already used; ask for a new one");
    }
}
