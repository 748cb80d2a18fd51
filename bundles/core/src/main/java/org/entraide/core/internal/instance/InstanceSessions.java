package org.entraide.core.internal.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.Tokens;
import org.entraide.jdbc.Sql;

/**
 * Short-lived sessions of instance administrators, for the instance console of the web: the web signs in once with
 * the administrator's credentials and then sends this token, so that the password never sits in a cookie. Only the
 * token's digest is stored (a database reader cannot use it); a session ends after {@link #LIFETIME}, or when signed
 * out. Stored in the database so that every node behind a load balancer accepts it.
 */
public final class InstanceSessions {
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    /** A new session: the token, given once, and when it ends. */
    public record Session(String token, Instant expiresAt) {
    }

    private final Database db;
    private final Clock clock;

    public InstanceSessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Session open(String adminName) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM instance_session WHERE expires_at < ?", now);
            Sql.update(c, "INSERT INTO instance_session (token_digest, admin_name, created_at, expires_at) VALUES (?, ?, ?, ?)",
                Tokens.digest(token), adminName, now, expires);
            return null;
        });
        return new Session(token, expires);
    }

    /** The administrator whose unexpired session this token is. */
    public Optional<String> adminOf(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return db.inTransaction(c -> Sql.one(c, "SELECT admin_name FROM instance_session WHERE token_digest = ? AND expires_at > ?",
            rs -> rs.getString(1), Tokens.digest(token), clock.instant()));
    }

    /** Ends the session; @return whether there was one */
    public boolean close(String token) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM instance_session WHERE token_digest = ?", Tokens.digest(token))) > 0;
    }
}
