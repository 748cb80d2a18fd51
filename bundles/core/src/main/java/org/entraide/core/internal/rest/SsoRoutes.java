package org.entraide.core.internal.rest;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.rest.openapi.Doc;
import org.entraide.core.internal.sso.SingleSignOn;
import org.entraide.core.internal.sso.SsoSettings;
import org.entraide.core.internal.user.AccountService;

/**
 * Single sign-on with a brand's OpenID Connect provider: its configuration (brand admins), the options the sign-in
 * page shows, and the two ends of a sign-in, which the web pages call from {@code /b/{brand}/sso/start} and
 * {@code /b/{brand}/sso/callback}. Starts and callbacks are limited per client address ({@code ratelimit.sso}).
 */
public final class SsoRoutes extends ApiRoutes {
    private static final String LIMIT = "sso";

    private final SingleSignOn sso;
    private final RateLimits limits;

    public SsoRoutes(ApiDispatcher dispatcher, SingleSignOn sso, RateLimits limits) {
        super(dispatcher);
        this.sso = sso;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/sso", "sso.settings", Doc.of("The brand's OpenID Connect provider for single sign-on; the "
                + "client secret is never shown, only whether one is set").returns(SsoSettings.View.class)
                .bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            requireAdmin(r);
            return ApiReply.ok(sso.view(brand));
        });
        put("/brands/{brand}/sso", "sso.settings.set", Doc.of("Configure single sign-on with the brand's OpenID Connect "
                + "provider: the issuer's discovery document is fetched and checked before anything is stored (400 naming "
                + "issuer otherwise); the client secret is stored encrypted").body(Requests.SsoSettings.class)
                .returns(SsoSettings.View.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            requireAdmin(r);
            Requests.SsoSettings b = r.body(Requests.SsoSettings.class);
            return ApiReply.ok(sso.configure(brand, b.enabled(), b.issuer(), b.clientId(), b.clientSecret(),
                b.passwordLoginEnabled(), b.buttonLabel()));
        });
        get("/brands/{brand}/sso/options", "sso.options", Doc.of("What the sign-in page offers: the single sign-on button "
                + "and its label, and whether the password form works for members").returns(SsoSettings.LoginOptions.class),
            r -> ApiReply.ok(sso.loginOptions(r.brand())));
        post("/brands/{brand}/sso/start", "sso.start", Doc.of("Begin a sign-in with the brand's provider: the URL to send "
                + "the browser to (authorization code flow with PKCE, state and nonce kept by the server for 10 minutes)")
                .returns(SingleSignOn.Started.class).errors(429), r -> {
            Brand brand = r.brand();
            limits.check(LIMIT, r.clientAddress());
            return ApiReply.ok(sso.start(brand));
        });
        post("/brands/{brand}/sso/callback", "sso.callback", Doc.of("End a sign-in with what the provider sent back: the "
                + "code is exchanged, the ID token checked (signature, issuer, audience, expiry, nonce), and a bearer token "
                + "returned; a state works once").body(Requests.SsoCallback.class).returns(AuthRoutes.Token.class)
                .errors(409, 429), r -> {
            Brand brand = r.brand();
            limits.check(LIMIT, r.clientAddress());
            Requests.SsoCallback b = r.body(Requests.SsoCallback.class);
            AccountService.Session s = sso.finish(brand, b.state(), b.code(), b.error(), b.device());
            return ApiReply.ok(new AuthRoutes.Token(s.token(), s.expiresAt(), s.userId()));
        });
    }

    private static void requireAdmin(ApiRequest r) {
        if (!r.caller().has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only the brand's admins configure single sign-on");
        }
    }
}
