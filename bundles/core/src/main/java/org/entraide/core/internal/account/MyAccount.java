package org.entraide.core.internal.account;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.user.Users;
import org.entraide.jdbc.Sql;

/**
 * The caller's own account: what they see of it and what they may change. A pseudonym changes at most once per
 * {@link #PSEUDONYM_EVERY}, and the one given up stays reserved to its former owner as long, so that nobody takes it
 * to pass for them. A new e-mail address takes effect once confirmed from that address; the old one is told.
 */
public final class MyAccount {
    public static final Duration PSEUDONYM_EVERY = Duration.ofDays(30);
    public static final String DEFAULT_LOCALE = "fr";

    /**
     * The caller as they see themselves; {@code storeIds} are the stores they manage, {@code pendingEmail} an address
     * waiting for its confirmation (or null), {@code pseudonymChangeableAt} when the pseudonym may change again.
     */
    public record Me(long id, String pseudonym, String brand, Set<Role> roles, Set<Long> storeIds, String email,
                     boolean emailVerified, String pendingEmail, String bio, String locale, String timeZone,
                     Instant pseudonymChangeableAt) {
    }

    /** A change: every null field stays as it is; an empty bio clears it. */
    public record Change(String pseudonym, String bio, String locale, String timeZone, String email, String currentPassword) {
    }

    private final Database db;
    private final Users users;
    private final PasswordHasher hasher;
    private final AccountMails mails;
    private final Clock clock;

    public MyAccount(Database db, Users users, PasswordHasher hasher, AccountMails mails, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.mails = mails;
        this.clock = clock;
    }

    public Me get(Caller caller, Brand brand) {
        requireOwnBrand(caller, brand);
        return db.inTransaction(c -> view(c, caller, brand));
    }

    public Me change(Caller caller, Brand brand, Change change) {
        requireOwnBrand(caller, brand);
        if (change.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(change.timeZone())) {
            throw ProblemException.invalid("timeZone", "not a time zone of the IANA database, such as Europe/Paris");
        }
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Users.Account a = users.byId(c, caller.userId()).orElseThrow();
            if (change.pseudonym() != null && !change.pseudonym().equals(a.pseudonym())) {
                rename(c, brand, a, TextRules.clean(change.pseudonym(), true), now);
            }
            if (change.bio() != null) {
                Sql.update(c, "UPDATE app_user SET bio = ? WHERE id = ?", change.bio().isBlank() ? null : change.bio().strip(),
                    a.id());
            }
            if (change.locale() != null) {
                Sql.update(c, "UPDATE app_user SET locale = ? WHERE id = ?", change.locale(), a.id());
            }
            if (change.timeZone() != null) {
                Sql.update(c, "UPDATE app_user SET time_zone = ? WHERE id = ?", change.timeZone(), a.id());
            }
            if (change.email() != null && !TextRules.normalizeEmail(change.email()).equals(a.email())) {
                changeEmail(c, brand, a, TextRules.normalizeEmail(change.email()), change.currentPassword(), now);
            }
            return view(c, caller, brand);
        });
    }

    private void rename(Connection c, Brand brand, Users.Account a, String pseudonym, Instant now) {
        String key = pseudonym.toLowerCase(Locale.ROOT);
        String oldKey = a.pseudonym().toLowerCase(Locale.ROOT);
        if (!key.equals(oldKey)) {
            Instant last = Sql.one(c, "SELECT pseudonym_changed_at FROM app_user WHERE id = ?",
                rs -> java.util.Optional.ofNullable(Sql.instant(rs, "pseudonym_changed_at")), a.id()).orElseThrow().orElse(null);
            if (last != null && last.plus(PSEUDONYM_EVERY).isAfter(now)) {
                throw new ProblemException(409, "pseudonym-changed-recently", "Pseudonym changed recently",
                    "your pseudonym may change again from " + last.plus(PSEUDONYM_EVERY), null, null);
            }
            users.requirePseudonymFree(c, brand.id(), key, a.id(), now);
            Instant until = now.plus(PSEUDONYM_EVERY);
            if (Sql.update(c, "UPDATE pseudonym_reservation SET user_id = ?, reserved_until = ? WHERE brand_id = ? "
                    + "AND pseudonym_key = ?", a.id(), until, brand.id(), oldKey) == 0) {
                Sql.update(c, "INSERT INTO pseudonym_reservation (brand_id, pseudonym_key, user_id, reserved_until) "
                    + "VALUES (?, ?, ?, ?)", brand.id(), oldKey, a.id(), until);
            }
            Sql.update(c, "DELETE FROM pseudonym_reservation WHERE brand_id = ? AND pseudonym_key = ?", brand.id(), key);
        }
        try {
            Sql.update(c, "UPDATE app_user SET pseudonym = ?, pseudonym_key = ?, pseudonym_changed_at = ? WHERE id = ?",
                pseudonym, key, key.equals(oldKey) ? null : now, a.id());
        } catch (Sql.Failure e) {
            if (e.isUniqueViolation()) {
                throw ProblemException.conflict("this pseudonym is taken");
            }
            throw e;
        }
    }

    private void changeEmail(Connection c, Brand brand, Users.Account a, String email, String password, Instant now) {
        // a session left open must not be enough to take the account away from its owner
        if (password == null || !hasher.verify(password, a.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "give your current password to change your e-mail address");
        }
        AccountMails.To newAddress = new AccountMails.To(brand.id(), brand.slug(), email, a.locale());
        if (users.byEmail(c, brand.id(), email).isPresent()) {
            // the same answer as for a free address: its owner hears of it, the caller learns nothing
            mails.alreadyRegistered(c, newAddress);
        } else {
            String token = AccountTokens.issue(c, a.id(), AccountTokens.Purpose.VERIFY, email, now, AccountRecovery.VERIFY_FOR);
            mails.verifyAddress(c, newAddress, token);
        }
        mails.emailChanging(c, AccountRecovery.to(brand, a), email);
    }

    private Me view(Connection c, Caller caller, Brand brand) {
        Instant now = clock.instant();
        return Sql.one(c, "SELECT u.email, u.email_verified_at, u.bio, u.locale, u.time_zone, u.pseudonym, "
                + "u.pseudonym_changed_at FROM app_user u WHERE u.id = ?", rs -> {
                Instant changed = Sql.instant(rs, "pseudonym_changed_at");
                String pending = Sql.one(c, "SELECT new_email FROM account_token WHERE user_id = ? AND purpose = 'VERIFY' "
                    + "AND used_at IS NULL AND expires_at > ? AND new_email <> ? ORDER BY created_at DESC",
                    r -> r.getString(1), caller.userId(), now, rs.getString("email")).orElse(null);
                return new Me(caller.userId(), rs.getString("pseudonym"), brand.slug(), caller.roles(), caller.storeIds(),
                    rs.getString("email"), Sql.instant(rs, "email_verified_at") != null, pending, rs.getString("bio"),
                    rs.getString("locale") == null ? DEFAULT_LOCALE : rs.getString("locale"), rs.getString("time_zone"),
                    changed == null ? null : changed.plus(PSEUDONYM_EVERY));
            }, caller.userId()).orElseThrow();
    }

    private static void requireOwnBrand(Caller caller, Brand brand) {
        if (caller.brandId() != brand.id()) {
            throw ProblemException.forbidden("your account belongs to another brand");
        }
    }
}
