package org.entraide.core.internal.rest;

import java.time.Instant;

import org.entraide.core.internal.rest.openapi.Doc;
import org.entraide.core.internal.account.AccountRecovery;
import org.entraide.core.internal.user.AccountService;

/** Registration, login and logout. */
public final class AuthRoutes extends ApiRoutes {
    private final AccountService accounts;
    private final AccountRecovery recovery;
    private final RateLimits limits;
    private final LoginThrottle logins;

    public AuthRoutes(ApiDispatcher dispatcher, AccountService accounts, AccountRecovery recovery, RateLimits limits,
                      LoginThrottle logins) {
        super(dispatcher);
        this.accounts = accounts;
        this.recovery = recovery;
        this.limits = limits;
        this.logins = logins;
    }

    @Override
    public void configure() {
        post("/auth/register", "auth.register", Doc.of("Create an account in a brand's community: the answer is the same "
                + "whether the address is new (a verification link is sent to it) or has an account (its owner is told by "
                + "e-mail); 409 only for a taken pseudonym").body(Requests.Register.class).accepted(Registered.class)
                .errors(404, 409, 429), r -> {
            Requests.Register body = r.body(Requests.Register.class);
            // per client address, whatever the brand: one address cannot block a brand's newcomers
            limits.check("register", r.clientAddress());
            recovery.signUp(body.brand(), body.email(), body.password(), body.pseudonym(), body.locale(),
                body.acceptedTermsVersion());
            return ApiReply.accepted(new Registered(Registered.VERIFICATION_SENT));
        });
        post("/auth/login", "auth.login", Doc.of("Log in and receive a bearer token; 403 for a "
                + "member of a brand that turned password login off (single sign-on only; its admins keep their password)")
                .body(Requests.Login.class).returns(Token.class).errors(401, 403, 429), r -> {
            Requests.Login body = r.body(Requests.Login.class);
            String account = body.brand() + "/" + body.email().strip().toLowerCase(java.util.Locale.ROOT);
            logins.beforeAttempt(account, r.clientAddress());
            AccountService.Session s;
            try {
                s = accounts.login(body.brand(), body.email(), body.password(), body.device());
            } catch (org.entraide.api.problem.ProblemException e) {
                if (e.status() == 401) {
                    // a right password refused by the brand (single sign-on only) is no guess
                    logins.failed(account, r.clientAddress());
                }
                throw e;
            }
            logins.succeeded(account, r.clientAddress());
            return ApiReply.ok(new Token(s.token(), s.expiresAt(), s.userId()));
        });
        post("/auth/logout", "auth.logout", Doc.of("Revoke the bearer token of the request").bearer().noContent(), r -> {
            accounts.logout(r.authorizationHeader());
            return ApiReply.noContent();
        });
    }

    /** A sign-up taken: what happens next is told by e-mail to the address given. */
    public record Registered(String status) {
        static final String VERIFICATION_SENT = "check-your-email";
    }

    /** A bearer token, shown once. */
    public record Token(String token, Instant expiresAt, long userId) {
    }
}
