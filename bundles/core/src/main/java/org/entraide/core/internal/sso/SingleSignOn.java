package org.entraide.core.internal.sso;

import java.net.URI;
import java.sql.Connection;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.account.AccountMails;
import org.entraide.core.internal.brand.BrandDirectory;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.security.PasswordHasher;
import org.entraide.core.internal.security.Tokens;
import org.entraide.core.internal.user.AccountService;
import org.entraide.core.internal.user.Users;
import org.entraide.jdbc.Sql;

/**
 * Sign-in with a brand's own OpenID Connect provider: the authorization code flow with PKCE (S256), {@code state} and
 * {@code nonce}, all kept server-side for ten minutes and usable once. The callback exchanges the code, has Nimbus check
 * the ID token's signature against the provider's JWKS and its claims (iss, aud, exp, iat, nonce), then signs in the
 * account linked to the provider's subject; or, only when the provider says the address is verified, the account
 * with that address; or a new account. Every failure leaves nothing behind but the spent attempt.
 */
public final class SingleSignOn implements AccountService.PasswordLoginGate {
    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    private static final Scope SCOPE = new Scope("openid", "email", "profile");

    /** Where the browser goes next: the provider's authorization page. */
    public record Started(String authorizationUrl) {
    }

    private final Database db;
    private final BrandDirectory brands;
    private final Users users;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final AccountMails links;
    private final SecretBox secrets;
    private final SsoSettings settings;
    private final OidcProviders providers;
    private final Clock clock;

    public SingleSignOn(Database db, BrandDirectory brands, Users users, AccountService accounts, PasswordHasher hasher,
                        AccountMails links, SecretBox secrets, SsoSettings settings, OidcProviders providers, Clock clock) {
        this.db = db;
        this.brands = brands;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.links = links;
        this.secrets = secrets;
        this.settings = settings;
        this.providers = providers;
        this.clock = clock;
    }

    /** The page every provider sends the browser back to: built on {@code public.base.url}, never on a request. */
    public String redirectUri(Brand brand) {
        return links.baseUrl() + "/b/" + brand.slug() + "/sso/callback";
    }

    public SsoSettings.View view(Brand brand) {
        return db.inTransaction(c -> settings.view(c, brand.id())).withRedirectUri(redirectUri(brand));
    }

    public SsoSettings.LoginOptions loginOptions(Brand brand) {
        SsoSettings.View v = view(brand);
        return new SsoSettings.LoginOptions(v.enabled(), v.enabled() ? v.buttonLabel() : "",
            !v.enabled() || v.passwordLoginEnabled());
    }

    /** A brand admin's change; {@code clientSecret} null keeps the stored one. Discovery is checked before anything is stored. */
    public SsoSettings.View configure(Brand brand, boolean enabled, String issuer, String clientId, String clientSecret,
                                      boolean passwordLoginEnabled, String buttonLabel) {
        String iss = issuer == null ? "" : issuer.strip();
        String client = clientId == null ? "" : clientId.strip();
        String label = buttonLabel == null ? "" : buttonLabel.strip();
        if (!passwordLoginEnabled && !enabled) {
            throw ProblemException.invalid("passwordLoginEnabled", "password login can be turned off only while single "
                + "sign-on is enabled");
        }
        Optional<SsoSettings.Stored> before = db.inTransaction(c -> settings.of(c, brand.id()));
        String sealed = clientSecret != null && !clientSecret.isEmpty() ? secrets.seal(brand.id(), clientSecret)
            : before.map(SsoSettings.Stored::sealedSecret).orElse(null);
        if (enabled) {
            if (iss.isEmpty()) {
                throw ProblemException.invalid("issuer", "required when single sign-on is enabled");
            }
            if (client.isEmpty()) {
                throw ProblemException.invalid("clientId", "required when single sign-on is enabled");
            }
            if (sealed == null) {
                throw ProblemException.invalid("clientSecret", "required when single sign-on is enabled");
            }
            if (label.isEmpty()) {
                throw ProblemException.invalid("buttonLabel", "required when single sign-on is enabled");
            }
        }
        if (enabled) {
            // outside any transaction: the provider may be slow, and a refused issuer stores nothing
            providers.discover(iss);
        } else if (!iss.isEmpty()) {
            // turning it off must work while the provider is down: the address is only checked, not fetched
            OidcProviders.checkIssuer(iss);
        }
        SsoSettings.Stored stored = new SsoSettings.Stored(brand.id(), enabled, iss, client, sealed, passwordLoginEnabled, label);
        db.inTransaction(c -> {
            settings.save(c, stored, clock.instant());
            return null;
        });
        return stored.view().withRedirectUri(redirectUri(brand));
    }

    /** Begins a sign-in: a fresh state, nonce and PKCE verifier kept server-side, and the provider's URL to go to. */
    public Started start(Brand brand) {
        SsoSettings.Stored s = enabled(brand);
        OIDCProviderMetadata md = discover(s);
        State state = new State(Tokens.newToken());
        Nonce nonce = new Nonce(Tokens.newToken());
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = URI.create(redirectUri(brand));
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, new ClientID(s.clientId()),
            redirect).endpointURI(md.getAuthorizationEndpointURI()).state(state).nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        Instant now = clock.instant();
        db.inTransaction(c -> {
            // attempts nobody finished are of no use once expired; a day's margin keeps this cheap and clock-safe
            Sql.update(c, "DELETE FROM sso_attempt WHERE expires_at < ?", now.minus(Duration.ofDays(1)));
            return Sql.update(c, "INSERT INTO sso_attempt (state_hash, brand_id, nonce, code_verifier, redirect_uri, created_at, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Tokens.digest(state.getValue()), brand.id(), nonce.getValue(),
                verifier.getValue(), redirect.toString(), now, now.plus(ATTEMPT_LIFETIME));
        });
        return new Started(request.toURI().toString());
    }

    private record Attempt(String nonce, String verifier, String redirectUri) {
    }

    /**
     * Ends a sign-in with what the provider sent back to the callback page: {@code code} and {@code state}, or
     * {@code error}. The attempt is spent first, whatever follows, so a state works once.
     */
    public AccountService.Session finish(Brand brand, String state, String code, String error, String device) {
        if (state == null || !Tokens.wellFormed(state)) {
            throw stateProblem();
        }
        Instant now = clock.instant();
        Attempt attempt = db.inTransaction(c -> {
            String digest = Tokens.digest(state);
            Optional<Attempt> a = Sql.one(c, "SELECT nonce, code_verifier, redirect_uri FROM sso_attempt WHERE state_hash = ? "
                + "AND brand_id = ? AND used_at IS NULL AND expires_at > ?", rs -> new Attempt(rs.getString(1), rs.getString(2),
                rs.getString(3)), digest, brand.id(), now);
            if (a.isEmpty() || Sql.update(c, "UPDATE sso_attempt SET used_at = ? WHERE state_hash = ? AND used_at IS NULL",
                    now, digest) != 1) {
                return null;
            }
            return a.get();
        });
        if (attempt == null) {
            throw stateProblem();
        }
        if (error != null && !error.isBlank()) {
            throw refused("the provider did not sign you in (" + error.strip() + ")");
        }
        if (code == null || code.isBlank()) {
            throw refused("the provider sent no authorization code");
        }
        SsoSettings.Stored s = enabled(brand);
        OIDCProviderMetadata md = discover(s);
        IDTokenClaimsSet claims = exchange(brand, s, md, code, attempt);
        return db.inTransaction(c -> {
            long userId = account(c, brand, md.getIssuer().getValue(), claims);
            return accounts.openSession(c, userId, device);
        });
    }

    private IDTokenClaimsSet exchange(Brand brand, SsoSettings.Stored s, OIDCProviderMetadata md, String code, Attempt attempt) {
        ClientID client = new ClientID(s.clientId());
        Secret secret = new Secret(secrets.open(brand.id(), s.sealedSecret()));
        boolean postOnly = md.getTokenEndpointAuthMethods() != null
            && !md.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            && md.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        ClientAuthentication auth = postOnly ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
        TokenRequest request = new TokenRequest(md.getTokenEndpointURI(), auth, new AuthorizationCodeGrant(
            new AuthorizationCode(code), URI.create(attempt.redirectUri()), new CodeVerifier(attempt.verifier())));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(OidcProviders.CONNECT_MILLIS);
            http.setReadTimeout(OidcProviders.READ_MILLIS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (Exception e) {
            throw refused("the provider's token endpoint did not answer as expected");
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse err = response.toErrorResponse();
            String what = err.getErrorObject() == null ? "" : " (" + err.getErrorObject().getCode() + ")";
            throw refused("the provider refused the authorization code" + what);
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw refused("the provider sent no ID token");
        }
        try {
            // Nimbus's default JWKS fetch gives up after half a second; a provider across the Internet may need more
            IDTokenValidator validator = new IDTokenValidator(md.getIssuer(), client, OidcProviders.signature(md),
                md.getJWKSetURI().toURL(), new com.nimbusds.jose.util.DefaultResourceRetriever(OidcProviders.CONNECT_MILLIS,
                    OidcProviders.READ_MILLIS, 512 * 1024));
            return validator.validate(idToken, new Nonce(attempt.nonce()));
        } catch (BadJOSEException e) {
            throw refused("the ID token is not valid: " + e.getMessage());
        } catch (JOSEException | java.net.MalformedURLException e) {
            throw refused("the ID token could not be checked");
        }
    }

    /** The account the provider's subject signs in to; made or linked on its first sign-in. */
    private long account(Connection c, Brand brand, String issuer, IDTokenClaimsSet claims) {
        String subject = claims.getSubject().getValue();
        Optional<Long> linked = Sql.one(c, "SELECT user_id FROM sso_link WHERE brand_id = ? AND issuer = ? AND subject = ?",
            rs -> rs.getLong(1), brand.id(), issuer, subject);
        if (linked.isPresent()) {
            return linked.get();
        }
        String rawEmail = claims.getStringClaim("email");
        if (rawEmail == null || rawEmail.isBlank() || rawEmail.length() > 254 || !rawEmail.contains("@")) {
            throw refused("the provider gave no e-mail address (the scope 'email' is asked)");
        }
        String email = TextRules.normalizeEmail(rawEmail);
        boolean verified = Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"));
        Instant now = clock.instant();
        Optional<Users.Account> existing = users.byEmail(c, brand.id(), email);
        long userId;
        if (existing.isPresent()) {
            if (!verified) {
                // linking on an unverified claim would hand an account to whoever typed its address at the provider
                throw new ProblemException(409, "sso-email-taken", "Address already in use", "an account of this "
                    + "community already uses this address and the provider does not say it is verified: sign in with "
                    + "your password", null, null);
            }
            userId = existing.get().id();
            Sql.update(c, "UPDATE app_user SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL", now, userId);
        } else {
            // a password nobody knows: the member signs in through the provider, or sets one by a reset link
            userId = users.create(c, brand.id(), email, freePseudonym(c, brand.id(), claims, email, now),
                hasher.hash(Tokens.newToken()), now, verified);
        }
        Sql.update(c, "INSERT INTO sso_link (brand_id, issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
            brand.id(), issuer, subject, userId, now);
        return userId;
    }

    /** A pseudonym from the provider's preferred username, name or address, made valid and unique in the brand. */
    private String freePseudonym(Connection c, long brandId, IDTokenClaimsSet claims, String email, Instant now) {
        String wanted = claims.getStringClaim("preferred_username");
        if (wanted == null || wanted.isBlank()) {
            wanted = claims.getStringClaim("name");
        }
        if (wanted == null || wanted.isBlank()) {
            wanted = email.substring(0, email.indexOf('@'));
        }
        return users.freePseudonym(c, brandId, pseudonymBase(wanted), now);
    }

    static String pseudonymBase(String wanted) {
        String cleaned = Normalizer.normalize(TextRules.clean(wanted, true), Normalizer.Form.NFC).strip()
            .replaceAll("\\s+", ".").replaceAll("[^\\p{L}\\p{N}_.-]", "");
        if (cleaned.length() > 24) {
            cleaned = cleaned.substring(0, 24);
        }
        return cleaned.length() < 3 ? "member" : cleaned;
    }

    private SsoSettings.Stored enabled(Brand brand) {
        return db.inTransaction(c -> settings.of(c, brand.id())).filter(SsoSettings.Stored::enabled)
            .orElseThrow(() -> ProblemException.notFound("single sign-on is not enabled in this brand"));
    }

    private OIDCProviderMetadata discover(SsoSettings.Stored s) {
        try {
            return providers.discover(s.issuer());
        } catch (ProblemException e) {
            throw refused("the brand's sign-in provider cannot be reached");
        }
    }

    /** Password login is refused to a brand's members while it has turned it off; brand admins keep it. */
    @Override
    public void check(Connection c, long brandId, long userId) {
        boolean off = settings.of(c, brandId).map(SsoSettings.Stored::passwordLoginOff).orElse(false);
        if (off && !users.roles(c, userId).contains(Role.BRAND_ADMIN)) {
            throw new ProblemException(403, "sso-required", "Sign in with your provider", "this community signs its "
                + "members in through its own provider: use the single sign-on button", null, null);
        }
    }

    static ProblemException stateProblem() {
        return new ProblemException(400, "sso-state", "Sign-in link expired or already used", "this sign-in was already "
            + "used, expired or is unknown: start again", null, null);
    }

    static ProblemException refused(String detail) {
        return new ProblemException(400, "sso-refused", "Sign-in refused", detail, null, null);
    }
}
