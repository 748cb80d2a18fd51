package org.entraide.core.internal.account;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.Tokens;
import org.entraide.jdbc.Sql;

/**
 * A member's signed-in devices. A session's public id is the first 16 hex digits of its token's digest: it names the
 * session to its owner without being usable as a token.
 */
public final class Sessions {
    static final int ID_LENGTH = 16;

    /** One session as its owner sees it; {@code current} is the one the request came with. */
    public record Session(String id, String device, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                          boolean current) {
    }

    private final Database db;
    private final Clock clock;

    public Sessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Session> list(Caller caller, String currentToken) {
        String current = currentToken == null ? "" : Tokens.digest(currentToken).substring(0, ID_LENGTH);
        return db.inTransaction(c -> Sql.list(c, "SELECT token_hash, device, created_at, last_used_at, expires_at FROM auth_token "
            + "WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, token_hash",
            rs -> {
                String id = rs.getString(1).substring(0, ID_LENGTH);
                Instant created = Sql.instant(rs, "created_at");
                Instant last = Sql.instant(rs, "last_used_at");
                return new Session(id, rs.getString(2) == null ? "" : rs.getString(2), created, last == null ? created : last,
                    Sql.instant(rs, "expires_at"), id.equals(current));
            }, caller.userId(), clock.instant()));
    }

    /** Signs one of the caller's sessions out; another member's session, or an unknown one, is a 404. */
    public void revoke(Caller caller, String id) {
        if (id == null || !id.matches("[0-9a-f]{" + ID_LENGTH + "}")) {
            throw ProblemException.notFound("no session " + id);
        }
        int n = db.inTransaction(c -> Sql.update(c, "UPDATE auth_token SET revoked_at = ? WHERE user_id = ? "
            + "AND revoked_at IS NULL AND token_hash LIKE ?", clock.instant(), caller.userId(), id + "%"));
        if (n == 0) {
            throw ProblemException.notFound("no session " + id);
        }
    }

    /** Signs out every session of the caller but the one of the request; answers how many. */
    public int revokeOthers(Caller caller, String currentToken) {
        return db.inTransaction(c -> revokeAll(c, caller.userId(), currentToken, clock.instant()));
    }

    /** Signs out every session of the account, except the one of {@code keptToken} when it is not null. */
    static int revokeAll(Connection c, long userId, String keptToken, Instant now) {
        return Sql.update(c, "UPDATE auth_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?",
            now, userId, keptToken == null ? "" : Tokens.digest(keptToken));
    }
}
