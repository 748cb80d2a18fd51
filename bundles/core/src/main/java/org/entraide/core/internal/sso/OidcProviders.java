package org.entraide.core.internal.sso;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import org.entraide.api.problem.ProblemException;

/**
 * Finds a provider's endpoints by issuer discovery ({@code /.well-known/openid-configuration}), with Nimbus, which
 * also checks that the document names the same issuer. An issuer must be {@code https}; plain {@code http} is
 * accepted on the loopback address only (a provider on the same machine, for development and tests).
 */
public final class OidcProviders {
    static final int CONNECT_MILLIS = 5_000;
    static final int READ_MILLIS = 10_000;

    /** The asymmetric signatures an ID token may carry, by preference; never HMAC with the secret, never none. */
    private static final List<JWSAlgorithm> SIGNATURES = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256,
        JWSAlgorithm.RS384, JWSAlgorithm.ES384, JWSAlgorithm.RS512, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    /** @throws ProblemException 400 naming {@code issuer} when it is not an acceptable URL */
    public static URI checkIssuer(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("issuer", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalid("issuer", "an https URL without user, query or fragment");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback(uri.getHost()))) {
            throw ProblemException.invalid("issuer", "an https URL (http only on the loopback address)");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.equals("localhost") && !h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The provider's metadata.
     * @throws ProblemException 400 naming {@code issuer} when discovery fails or the document is not usable
     */
    public OIDCProviderMetadata discover(String issuer) {
        checkIssuer(issuer);
        OIDCProviderMetadata md;
        try {
            md = OIDCProviderMetadata.resolve(new Issuer(issuer), CONNECT_MILLIS, READ_MILLIS);
        } catch (GeneralException | IOException | RuntimeException e) {
            throw ProblemException.invalid("issuer", "no usable OpenID Connect discovery document at "
                + "/.well-known/openid-configuration of this issuer");
        }
        if (md.getAuthorizationEndpointURI() == null || md.getTokenEndpointURI() == null || md.getJWKSetURI() == null) {
            throw ProblemException.invalid("issuer", "the provider's discovery document lacks its authorization, token or "
                + "JWKS endpoint");
        }
        if (md.getCodeChallengeMethods() != null && !md.getCodeChallengeMethods().isEmpty()
            && md.getCodeChallengeMethods().stream().noneMatch(m -> "S256".equals(m.getValue()))) {
            throw ProblemException.invalid("issuer", "the provider does not support PKCE with S256");
        }
        signature(md);
        return md;
    }

    /** The signature ID tokens are checked against: the first of {@link #SIGNATURES} the provider says it uses. */
    static JWSAlgorithm signature(OIDCProviderMetadata md) {
        List<JWSAlgorithm> offered = md.getIDTokenJWSAlgs();
        if (offered == null || offered.isEmpty()) {
            return JWSAlgorithm.RS256;
        }
        return SIGNATURES.stream().filter(offered::contains).findFirst().orElseThrow(() ->
            ProblemException.invalid("issuer", "the provider signs ID tokens with no supported asymmetric algorithm"));
    }
}
