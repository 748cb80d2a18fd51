package org.entraide.core.internal.rest;

import java.util.List;
import java.util.Locale;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.account.AccountPolicy;
import org.entraide.core.internal.account.AccountRecovery;
import org.entraide.core.internal.account.MyAccount;
import org.entraide.core.internal.account.Sessions;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.rest.openapi.Doc;

/**
 * A member's own account: address verification, password reset and change, profile, sessions; and the brand's
 * choice of what unverified accounts may do. Requests that send e-mail are limited per client address and per
 * target address ({@code ratelimit.account.*}), counted whether or not the address has an account.
 */
public final class AccountRoutes extends ApiRoutes {
    private static final String MAIL = "account.mail";
    private static final String ADDRESS = "account.address";
    private static final String PASSWORD = "password.change";

    private final AccountRecovery recovery;
    private final MyAccount me;
    private final Sessions sessions;
    private final AccountPolicy policy;
    private final Database db;
    private final RateLimits limits;
    private final LoginThrottle logins;

    public AccountRoutes(ApiDispatcher dispatcher, AccountRecovery recovery, MyAccount me, Sessions sessions,
                         AccountPolicy policy, Database db, RateLimits limits, LoginThrottle logins) {
        super(dispatcher);
        this.recovery = recovery;
        this.me = me;
        this.sessions = sessions;
        this.policy = policy;
        this.db = db;
        this.limits = limits;
        this.logins = logins;
    }

    /** The answer to a request whose outcome goes by e-mail. */
    public record Accepted(String status) {
    }

    /** How many sessions were signed out. */
    public record Revoked(int revoked) {
    }

    @Override
    public void configure() {
        verification();
        passwords();
        profile();
        sessions();
        get("/brands/{brand}/account-policy", "accounts.policy", Doc.of("What accounts whose e-mail address is not verified "
                + "may do in this brand").returns(AccountPolicy.Policy.class).bearer(Role.BRAND_ADMIN),
            r -> {
                Brand brand = r.brand();
                requireAdmin(r.caller());
                return ApiReply.ok(db.inTransaction(c -> policy.of(c, brand.id())));
            });
        put("/brands/{brand}/account-policy", "accounts.policy.set", Doc.of("Choose what accounts whose e-mail address is "
                + "not verified may do: ask (questions and answers), complain").body(Requests.AccountPolicy.class)
                .returns(AccountPolicy.Policy.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            requireAdmin(r.caller());
            Requests.AccountPolicy body = r.body(Requests.AccountPolicy.class);
            AccountPolicy.Policy p = new AccountPolicy.Policy(body.unverifiedMayAsk(), body.unverifiedMayComplain());
            db.inTransaction(c -> {
                policy.set(c, brand.id(), p);
                return null;
            });
            return ApiReply.ok(p);
        });
    }

    private void verification() {
        post("/brands/{brand}/email-verification/{token}", "accounts.verify", Doc.of("Confirm an e-mail address with the "
                + "single-use link sent to it (valid 48 hours)").noContent(), r -> {
            // no limit: a link carries 256 random bits, which no number of guesses finds
            recovery.verify(r.brand(), r.path("token"));
            return ApiReply.noContent();
        });
        post("/brands/{brand}/me/email-verification", "accounts.verify.resend", Doc.of("Send a new verification link to "
                + "the caller's address; earlier links stop working").accepted(Accepted.class).bearer().errors(409, 429), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            limits.check(MAIL, "user/" + caller.userId());
            recovery.resendVerification(caller, brand);
            return ApiReply.accepted(new Accepted("check-your-email"));
        });
    }

    private void passwords() {
        post("/brands/{brand}/password-reset", "accounts.reset.request", Doc.of("Ask for a password reset link (valid 30 "
                + "minutes, single use); the answer is the same whether or not the address has an account")
                .body(Requests.ResetRequest.class).accepted(Accepted.class).errors(429), r -> {
            Requests.ResetRequest body = r.body(Requests.ResetRequest.class);
            String brand = r.path("brand");
            limits.check(ADDRESS, r.clientAddress());
            limits.check(MAIL, brand + "/" + body.email().strip().toLowerCase(Locale.ROOT));
            recovery.requestReset(brand, body.email());
            return ApiReply.accepted(new Accepted("check-your-email"));
        });
        post("/brands/{brand}/password-reset/{token}", "accounts.reset", Doc.of("Set a new password with a reset link; "
                + "every session of the account is signed out").body(Requests.NewPassword.class).noContent(), r -> {
            Brand brand = r.brand();
            String email = recovery.reset(brand, r.path("token"), r.body(Requests.NewPassword.class).password());
            logins.passwordReset(brand.slug() + "/" + email, r.clientAddress());
            return ApiReply.noContent();
        });
        put("/brands/{brand}/me/password", "accounts.password", Doc.of("Change one's password, giving the current one; "
                + "every other session is signed out").body(Requests.PasswordChange.class).noContent().bearer().errors(429), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            Requests.PasswordChange body = r.body(Requests.PasswordChange.class);
            String key = "user/" + caller.userId();
            limits.requireAllowed(PASSWORD, key);
            try {
                recovery.changePassword(caller, brand, bearer(r), body.currentPassword(), body.password());
            } catch (ProblemException e) {
                if (!e.errors().isEmpty() && "currentPassword".equals(e.errors().get(0).field())) {
                    limits.record(PASSWORD, key);
                }
                throw e;
            }
            return ApiReply.noContent();
        });
    }

    private void profile() {
        get("/brands/{brand}/me", "members.me", Doc.of("The caller's own account in this brand: pseudonym, roles, e-mail "
                + "address and whether it is verified, bio, language, time zone").returns(MyAccount.Me.class).bearer(),
            r -> ApiReply.ok(me.get(r.caller(), r.brand())));
        patch("/brands/{brand}/me", "members.me.update", Doc.of("Change one's pseudonym (once per 30 days), bio, language, "
                + "time zone or e-mail address (confirmed from the new address; needs currentPassword)")
                .body(Requests.ProfileChange.class).returns(MyAccount.Me.class).bearer().errors(409), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            Requests.ProfileChange b = r.body(Requests.ProfileChange.class);
            if (b.email() != null) {
                limits.check(MAIL, "user/" + caller.userId());
            }
            return ApiReply.ok(me.change(caller, brand, new MyAccount.Change(b.pseudonym(), b.bio(), b.locale(), b.timeZone(),
                b.email(), b.currentPassword())));
        });
    }

    private void sessions() {
        get("/brands/{brand}/me/sessions", "accounts.sessions", Doc.of("The caller's signed-in sessions: device, when "
                + "opened, last use").itemsOf(Sessions.Session.class).bearer(), r -> {
            Caller caller = r.caller();
            List<Sessions.Session> list = sessions.list(caller, bearer(r));
            return ApiReply.ok(new Items<>(list));
        });
        delete("/brands/{brand}/me/sessions/{id}", "accounts.sessions.revoke", Doc.of("Sign one of one's sessions out")
                .noContent().bearer(), r -> {
            sessions.revoke(r.caller(), r.path("id"));
            return ApiReply.noContent();
        });
        post("/brands/{brand}/me/sessions/revoke-others", "accounts.sessions.revoke-others", Doc.of("Sign out every session "
                + "but the one of this request").returns(Revoked.class).bearer(), r -> {
            Caller caller = r.caller();
            return ApiReply.ok(new Revoked(sessions.revokeOthers(caller, bearer(r))));
        });
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only the brand's admins choose this");
        }
    }

    /** The request's own token, which the caller's lookup already checked. */
    private static String bearer(ApiRequest r) {
        String header = r.authorizationHeader();
        return header == null || header.length() < 7 ? null : header.substring(7).strip();
    }
}
