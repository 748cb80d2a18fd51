package org.entraide.core.internal.rest;

import java.time.Instant;

import org.entraide.core.internal.rest.openapi.Doc;
import org.entraide.core.internal.user.AccountService;

/** Registration, login and logout. */
public final class AuthRoutes extends ApiRoutes {
    private final AccountService accounts;
    private final RateLimits limits;

    public AuthRoutes(ApiDispatcher dispatcher, AccountService accounts, RateLimits limits) {
        super(dispatcher);
        this.accounts = accounts;
        this.limits = limits;
    }

    @Override
    public void configure() {
        post("/auth/register", "auth.register", Doc.of("Create an account in a brand's community")
                .body(Requests.Register.class).created(Registered.class).errors(404, 409, 429), r -> {
            Requests.Register body = r.body(Requests.Register.class);
            limits.check("register", body.brand());
            long id = accounts.register(body.brand(), body.email(), body.password(), body.pseudonym());
            return ApiReply.created(BASE + "/brands/" + body.brand() + "/users/" + id,
                new Registered(id, body.pseudonym().strip()));
        });
        post("/auth/login", "auth.login", Doc.of("Log in and receive a bearer token")
                .body(Requests.Login.class).returns(Token.class).errors(401, 429), r -> {
            Requests.Login body = r.body(Requests.Login.class);
            // Failed logins count per account: brute force is slowed down, users on several devices are not.
            String key = body.brand() + "/" + body.email().strip().toLowerCase(java.util.Locale.ROOT);
            limits.requireAllowed("login", key);
            AccountService.Session s;
            try {
                s = accounts.login(body.brand(), body.email(), body.password());
            } catch (org.entraide.api.problem.ProblemException e) {
                limits.record("login", key);
                throw e;
            }
            return ApiReply.ok(new Token(s.token(), s.expiresAt(), s.userId()));
        });
        post("/auth/logout", "auth.logout", Doc.of("Revoke the bearer token of the request").bearer().noContent(), r -> {
            accounts.logout(r.authorizationHeader());
            return ApiReply.noContent();
        });
    }

    /** A new account. */
    public record Registered(long id, String pseudonym) {
    }

    /** A bearer token, shown once. */
    public record Token(String token, Instant expiresAt, long userId) {
    }
}
