package org.entraide.core.internal.sso;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

import org.entraide.jdbc.Sql;

/** A brand's OpenID Connect provider as its admins configured it ({@code brand_sso}). */
public final class SsoSettings {
    /**
     * What the API shows of the configuration: the client secret never leaves the server, only whether one is set.
     * Password login is refused to members only while single sign-on is enabled and {@code passwordLoginEnabled} is
     * false.
     */
    public record View(boolean enabled, String issuer, String clientId, boolean clientSecretSet,
                       boolean passwordLoginEnabled, String buttonLabel, String redirectUri) {
        static final View NONE = new View(false, "", "", false, true, "", "");

        /** The same, with the callback address to register at the provider. */
        public View withRedirectUri(String uri) {
            return new View(enabled, issuer, clientId, clientSecretSet, passwordLoginEnabled, buttonLabel, uri);
        }
    }

    /** What the sign-in page needs: whether to show the button, its label, and whether the password form works. */
    public record LoginOptions(boolean enabled, String buttonLabel, boolean passwordLoginEnabled) {
    }

    /** A stored configuration, with its sealed secret. */
    public record Stored(long brandId, boolean enabled, String issuer, String clientId, String sealedSecret,
                         boolean passwordLoginEnabled, String buttonLabel) {
        public View view() {
            return new View(enabled, issuer, clientId, sealedSecret != null, passwordLoginEnabled, buttonLabel, "");
        }

        /** Whether the brand's members must sign in through their provider. */
        public boolean passwordLoginOff() {
            return enabled && !passwordLoginEnabled;
        }
    }

    public Optional<Stored> of(Connection c, long brandId) {
        return Sql.one(c, "SELECT enabled, issuer, client_id, client_secret_sealed, password_login_enabled, button_label "
            + "FROM brand_sso WHERE brand_id = ?", rs -> new Stored(brandId, rs.getBoolean(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6)), brandId);
    }

    public View view(Connection c, long brandId) {
        return of(c, brandId).map(Stored::view).orElse(View.NONE);
    }

    public void save(Connection c, Stored s, Instant now) {
        if (Sql.update(c, "UPDATE brand_sso SET enabled = ?, issuer = ?, client_id = ?, client_secret_sealed = ?, "
                + "password_login_enabled = ?, button_label = ?, updated_at = ? WHERE brand_id = ?", s.enabled(), s.issuer(),
                s.clientId(), s.sealedSecret(), s.passwordLoginEnabled(), s.buttonLabel(), now, s.brandId()) == 0) {
            Sql.update(c, "INSERT INTO brand_sso (brand_id, enabled, issuer, client_id, client_secret_sealed, "
                + "password_login_enabled, button_label, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.brandId(), s.enabled(),
                s.issuer(), s.clientId(), s.sealedSecret(), s.passwordLoginEnabled(), s.buttonLabel(), now);
        }
    }
}
