package org.entraide.core.internal.user;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.security.RequestAuthenticator;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.db.Database;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.security.PasswordPolicy;
import org.entraide.core.internal.security.Tokens;

/** Registration, login with bearer tokens, logout, and resolving a token back to its caller. */
public final class AccountService implements RequestAuthenticator {
    /** A login that was accepted: the token is shown once and never stored in clear. */
    public record Session(String token, Instant expiresAt, long userId) {
    }

    /** A brand's further say on password logins, once the password is right (single sign-on may turn them off). */
    public interface PasswordLoginGate {
        /** @throws ProblemException when that member may not sign in with a password */
        void check(Connection c, long brandId, long userId);
    }

    private static final Duration LAST_USE_STEP = Duration.ofMinutes(1);

    private final Database db;
    private final BrandDirectory brands;
    private final Users users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private volatile Duration tokenLifetime;
    private volatile PasswordLoginGate passwordGate = (c, brandId, userId) -> { };
    // Verified against unknown e-mails so that a failed login takes as long whether or not the account exists.
    private final String decoyHash;

    public AccountService(Database db, BrandDirectory brands, Users users, PasswordHasher hasher, Clock clock,
                          Duration tokenLifetime) {
        this.db = db;
        this.brands = brands;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.decoyHash = hasher.hash("decoy-password-for-timing");
    }

    public void setPasswordLoginGate(PasswordLoginGate gate) {
        this.passwordGate = gate;
    }

    public void setTokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /**
     * Creates an account whose address counts as verified, for the platform's own callers (the demo's seeder, tests,
     * benchmarks), who know the address is real. Members sign up through {@code AccountRecovery.signUp}, which
     * verifies the address and never says whether it already had an account.
     */
    public long register(String brandSlug, String email, String password, String pseudonym) {
        Brand brand = brands.require(brandSlug);
        PasswordPolicy.check(password, email, pseudonym);
        String hash = hasher.hash(password);
        return db.inTransaction(c -> users.create(c, brand.id(), TextRules.normalizeEmail(email),
            TextRules.clean(pseudonym, true), hash, clock.instant()));
    }

    public Session login(String brandSlug, String email, String password) {
        return login(brandSlug, email, password, null);
    }

    /** {@code device}: what the member's sessions page shows of where the session was opened (a user agent), or null. */
    public Session login(String brandSlug, String email, String password, String device) {
        Optional<Brand> brand = brands.find(brandSlug);
        Optional<Users.Account> account = brand.flatMap(b ->
            db.inTransaction(c -> users.byEmail(c, b.id(), TextRules.normalizeEmail(email))));
        String hash = account.map(Users.Account::passwordHash).orElse(decoyHash);
        boolean ok = hasher.verify(password, hash);
        if (account.isEmpty() || !ok) {
            throw ProblemException.unauthorized("unknown e-mail or wrong password");
        }
        long userId = account.get().id();
        // only after the password is right: a refusal tells nothing to someone who does not know it
        return db.inTransaction(c -> {
            passwordGate.check(c, account.get().brandId(), userId);
            return openSession(c, userId, device);
        });
    }

    /** A new session of that account (a bearer token shown once), for a login that was accepted. */
    public Session openSession(Connection c, long userId, String device) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(tokenLifetime);
        String shown = device == null || device.isBlank() ? null : TextRules.clean(device, true);
        String stored = shown == null ? null : shown.substring(0, Math.min(shown.length(), 200));
        Sql.update(c, "INSERT INTO auth_token (token_hash, user_id, created_at, expires_at, device, "
            + "last_used_at) VALUES (?, ?, ?, ?, ?, ?)", Tokens.digest(token), userId, now, expires, stored, now);
        return new Session(token, expires, userId);
    }

    /** Revokes the token of the request; a revoked token is refused from then on. */
    public void logout(String authorizationHeader) {
        String token = bearer(authorizationHeader);
        int n = db.inTransaction(c -> Sql.update(c, "UPDATE auth_token SET revoked_at = ? WHERE token_hash = ? "
            + "AND revoked_at IS NULL", clock.instant(), Tokens.digest(token)));
        if (n == 0) {
            throw ProblemException.unauthorized("unknown or already revoked token");
        }
    }

    @Override
    public Optional<Caller> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        String token = bearer(authorizationHeader);
        return Optional.of(db.inTransaction(c -> {
            Instant now = clock.instant();
            String digest = Tokens.digest(token);
            // every authenticated request reads this: the token, its member and their brand in one statement
            SignedIn in = Sql.one(c, "SELECT t.user_id, t.last_used_at, u.brand_id, u.pseudonym, b.slug FROM auth_token t "
                    + "JOIN app_user u ON u.id = t.user_id JOIN brand b ON b.id = u.brand_id "
                    + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?",
                    rs -> new SignedIn(rs.getLong(1), Sql.instant(rs, "last_used_at"), rs.getLong(3), rs.getString(4),
                        rs.getString(5)), digest, now)
                .orElseThrow(() -> ProblemException.unauthorized("the token is unknown, expired or revoked"));
            // the sessions page shows the last use to the minute: a busy session writes once a minute, not per request
            if (in.lastUsed() == null || in.lastUsed().isBefore(now.minus(LAST_USE_STEP))) {
                Sql.update(c, "UPDATE auth_token SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL "
                    + "OR last_used_at < ?)", now, digest, now.minus(LAST_USE_STEP));
            }
            return new Caller(in.userId(), in.brandId(), in.slug(), in.pseudonym(), users.roles(c, in.userId()),
                users.managedStores(c, in.userId()));
        }));
    }

    /** What a valid token tells of its member. */
    private record SignedIn(long userId, Instant lastUsed, long brandId, String pseudonym, String slug) {
    }

    /**
     * The member of that brand as a caller of the core's services, as their own bearer token would make them: for
     * what a plugin does on a member's behalf (a reply by e-mail). Empty for an unknown id or another brand's member.
     */
    public Optional<Caller> callerOf(Connection c, long brandId, long userId) {
        return users.byId(c, userId).filter(a -> a.brandId() == brandId).map(account -> {
            String slug = Sql.one(c, "SELECT slug FROM brand WHERE id = ?", rs -> rs.getString(1), brandId).orElseThrow();
            return new Caller(userId, brandId, slug, account.pseudonym(), users.roles(c, userId), users.managedStores(c, userId));
        });
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("expected 'Authorization: Bearer <token>'");
        }
        String token = header.substring(7).strip();
        if (!Tokens.wellFormed(token)) {
            throw ProblemException.unauthorized("malformed bearer token");
        }
        return token;
    }
}
