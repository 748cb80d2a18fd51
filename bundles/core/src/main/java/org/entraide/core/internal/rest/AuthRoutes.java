package org.entraide.core.internal.rest;

import java.util.Map;

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
        post("/auth/register", "auth.register", r -> {
            Requests.Register body = r.body(Requests.Register.class);
            limits.check("register", body.brand());
            long id = accounts.register(body.brand(), body.email(), body.password(), body.pseudonym());
            return ApiReply.created(BASE + "/brands/" + body.brand() + "/users/" + id,
                Map.of("id", id, "pseudonym", body.pseudonym().strip()));
        });
        post("/auth/login", "auth.login", r -> {
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
            return ApiReply.ok(Map.of("token", s.token(), "expiresAt", s.expiresAt(), "userId", s.userId()));
        });
        post("/auth/logout", "auth.logout", r -> {
            accounts.logout(r.authorizationHeader());
            return ApiReply.noContent();
        });
    }
}
