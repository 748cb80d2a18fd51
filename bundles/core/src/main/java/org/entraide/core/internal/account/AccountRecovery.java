package org.entraide.core.internal.account;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.security.PasswordPolicy;
import org.entraide.core.internal.user.Users;
import org.entraide.jdbc.Sql;

/**
 * Signing up, verifying the address, and getting back into an account, without telling a stranger which addresses
 * have an account: sign-up and reset requests answer alike for both, and the owner of an address hears of it by e-mail.
 */
public final class AccountRecovery {
    public static final Duration VERIFY_FOR = Duration.ofHours(48);
    public static final Duration RESET_FOR = Duration.ofMinutes(30);

    private final Database db;
    private final BrandDirectory brands;
    private final Users users;
    private final PasswordHasher hasher;
    private final AccountMails mails;
    private final Clock clock;
    private final org.entraide.core.internal.privacy.PrivacyPolicies privacy;

    public AccountRecovery(Database db, BrandDirectory brands, Users users, PasswordHasher hasher, AccountMails mails,
                           Clock clock) {
        this(db, brands, users, hasher, mails, clock, new org.entraide.core.internal.privacy.PrivacyPolicies());
    }

    public AccountRecovery(Database db, BrandDirectory brands, Users users, PasswordHasher hasher, AccountMails mails,
                           Clock clock, org.entraide.core.internal.privacy.PrivacyPolicies privacy) {
        this.privacy = privacy;
        this.db = db;
        this.brands = brands;
        this.users = users;
        this.hasher = hasher;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * A sign-up: a new address gets an unverified account and a verification link; an address that has an account
     * gets a message telling its owner, and nothing changes. Both look the same to the caller.
     * @throws ProblemException 409 when the pseudonym is taken (public anyway), 400 for a weak password
     */
    public void signUp(String brandSlug, String email, String password, String pseudonym, String locale) {
        signUp(brandSlug, email, password, pseudonym, locale, null);
    }

    /**
     * A sign-up that accepts the brand's terms: when the brand has terms, {@code acceptedTerms} must be their current
     * version (a 400 naming {@code acceptedTermsVersion} otherwise, whatever the address), recorded with the time.
     */
    public void signUp(String brandSlug, String email, String password, String pseudonym, String locale,
                       String acceptedTerms) {
        Brand brand = brands.require(brandSlug);
        String terms = db.inTransaction(c -> privacy.of(c, brand.id()).termsVersion());
        if (terms != null && !terms.equals(acceptedTerms)) {
            throw ProblemException.invalid("acceptedTermsVersion", "accept the brand's terms, version " + terms);
        }
        PasswordPolicy.check(password, email, pseudonym);
        // hashed in both cases, so that the answer takes as long whether or not the address has an account
        String hash = hasher.hash(password);
        String address = TextRules.normalizeEmail(email);
        String name = TextRules.clean(pseudonym, true);
        String lang = "en".equals(locale) ? "en" : "fr";
        try {
            db.inTransaction(c -> {
                Instant now = clock.instant();
                users.requirePseudonymFree(c, brand.id(), name.toLowerCase(Locale.ROOT), 0, now);
                Optional<Users.Account> existing = users.byEmail(c, brand.id(), address);
                if (existing.isPresent()) {
                    mails.alreadyRegistered(c, to(brand, existing.get()));
                    return null;
                }
                long id = users.create(c, brand.id(), address, name, hash, now, false);
                Sql.update(c, "UPDATE app_user SET locale = ? WHERE id = ?", lang, id);
                if (terms != null) {
                    privacy.consent(c, id, "terms", terms, now);
                }
                String token = AccountTokens.issue(c, id, AccountTokens.Purpose.VERIFY, address, now, VERIFY_FOR);
                mails.verifyAddress(c, new AccountMails.To(brand.id(), brand.slug(), address, lang), token);
                return null;
            });
        } catch (ProblemException e) {
            // a concurrent sign-up with the same address won the insert: answer as for any existing address (a taken
            // pseudonym stays a 409 whatever the address, or the answer would tell whether the address has an account)
            boolean taken = e.status() == 409 && !Users.PSEUDONYM_TAKEN.equals(e.detail()) && db.inTransaction(c -> users.byEmail(c, brand.id(), address).map(a -> {
                mails.alreadyRegistered(c, to(brand, a));
                return true;
            }).orElse(false));
            if (!taken) {
                throw e;
            }
        }
    }

    /** Sends the caller a new verification link; earlier links stop working. */
    public void resendVerification(Caller caller, Brand brand) {
        db.inTransaction(c -> {
            Users.Account a = own(c, caller, brand);
            if (a.verified()) {
                throw ProblemException.conflict("your e-mail address is already verified");
            }
            String token = AccountTokens.issue(c, a.id(), AccountTokens.Purpose.VERIFY, a.email(), clock.instant(), VERIFY_FOR);
            mails.verifyAddress(c, to(brand, a), token);
            return null;
        });
    }

    /** Confirms an address: the account's own after sign-up, or the new one after a change of address. */
    public void verify(Brand brand, String token) {
        db.inTransaction(c -> {
            Instant now = clock.instant();
            AccountTokens.Spent spent = AccountTokens.spend(c, brand.id(), token, AccountTokens.Purpose.VERIFY, now);
            if (Sql.count(c, "SELECT COUNT(*) FROM app_user WHERE brand_id = ? AND email = ? AND id <> ?", brand.id(),
                    spent.email(), spent.userId()) > 0) {
                throw ProblemException.conflict("this address now belongs to another account");
            }
            try {
                Sql.update(c, "UPDATE app_user SET email = ?, email_verified_at = ? WHERE id = ?", spent.email(), now,
                    spent.userId());
            } catch (Sql.Failure e) {
                if (e.isUniqueViolation()) {
                    // another account took the address between the check and the update
                    throw ProblemException.conflict("this address now belongs to another account");
                }
                throw e;
            }
            return null;
        });
    }

    /** Sends a reset link if the address has an account of that brand; answers the same either way. */
    public void requestReset(String brandSlug, String email) {
        Optional<Brand> brand = brands.find(brandSlug);
        if (brand.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            users.byEmail(c, brand.get().id(), TextRules.normalizeEmail(email)).ifPresent(a -> {
                String token = AccountTokens.issue(c, a.id(), AccountTokens.Purpose.RESET, null, clock.instant(), RESET_FOR);
                mails.resetPassword(c, to(brand.get(), a), token);
            });
            return null;
        });
    }

    /**
     * Sets a new password with a reset link, signs out every session, and tells the owner. Following the link also
     * proves the address, so an unverified account becomes verified. Answers the account's address.
     */
    public String reset(Brand brand, String token, String password) {
        // the policy needs the account's names, so the token is read first and spent in the same transaction
        String hash = hasher.hash(password);
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            AccountTokens.Spent spent = AccountTokens.spend(c, brand.id(), token, AccountTokens.Purpose.RESET, now);
            Users.Account a = users.byId(c, spent.userId()).orElseThrow();
            PasswordPolicy.check(password, a.email(), a.pseudonym());
            Sql.update(c, "UPDATE app_user SET password_hash = ?, email_verified_at = COALESCE(email_verified_at, ?) "
                + "WHERE id = ?", hash, now, a.id());
            Sessions.revokeAll(c, a.id(), null, now);
            mails.passwordChanged(c, to(brand, a));
            return a.email();
        });
    }

    /**
     * Changes the caller's password: the current one is asked, so that a session left open is not enough to take the
     * account. Every other session is signed out.
     * @throws ProblemException 400 naming {@code currentPassword} when it is wrong
     */
    public void changePassword(Caller caller, Brand brand, String currentToken, String current, String password) {
        Users.Account a = db.inTransaction(c -> own(c, caller, brand));
        if (!hasher.verify(current, a.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "this is not your current password");
        }
        PasswordPolicy.check(password, a.email(), a.pseudonym());
        String hash = hasher.hash(password);
        db.inTransaction(c -> {
            Instant now = clock.instant();
            Sql.update(c, "UPDATE app_user SET password_hash = ? WHERE id = ?", hash, a.id());
            Sessions.revokeAll(c, a.id(), currentToken, now);
            mails.passwordChanged(c, to(brand, a));
            return null;
        });
    }

    private Users.Account own(Connection c, Caller caller, Brand brand) {
        return users.byId(c, caller.userId()).filter(a -> a.brandId() == brand.id())
            .orElseThrow(() -> ProblemException.forbidden("your account belongs to another brand"));
    }

    static AccountMails.To to(Brand brand, Users.Account a) {
        return new AccountMails.To(brand.id(), brand.slug(), a.email(), a.locale());
    }
}
