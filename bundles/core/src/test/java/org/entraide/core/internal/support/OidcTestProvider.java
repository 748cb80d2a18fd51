package org.entraide.core.internal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect provider for tests, on 127.0.0.1 and the JDK's HTTP server, following the standards the
 * platform relies on: discovery, a JWKS, an authorization endpoint that approves {@link #user} at once and sends the
 * browser back with a code, and a token endpoint that checks the client's secret (HTTP Basic), the redirect URI and
 * the PKCE verifier (S256) before answering an ID token signed with RS256 (Nimbus JOSE). A test turns on one
 * misbehaviour at a time to see the platform refuse it: a token signed by another key, another nonce or audience,
 * an expired token.
 */
public final class OidcTestProvider implements AutoCloseable {
    /** Who the provider signs in. {@code emailVerified} null leaves the claim out. */
    public record User(String subject, String email, Boolean emailVerified, String preferredUsername) {
    }

    /** What the provider does wrong, on purpose. */
    public enum Fault { NONE, FORGED_SIGNATURE, WRONG_NONCE, WRONG_AUDIENCE, EXPIRED, ERROR_AT_AUTHORIZATION }

    public static final String CLIENT_ID = "entraide-test-client";
    public static final String CLIENT_SECRET = "test-client-secret-0123456789";

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, User user) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** What went wrong at the token endpoint, for a test that expects nothing to. */
    public final List<String> refusals = new CopyOnWriteArrayList<>();
    public volatile User user = new User("subject-1", "someone@provider.example", true, "Someone");
    public volatile Fault fault = Fault.NONE;

    public OidcTestProvider() throws IOException {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("key-1").generate();
            // the same key id: only the signature tells the forged token apart
            this.otherKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", ex -> send(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void discovery(HttpExchange ex) throws IOException {
        Map<String, Object> doc = new HashMap<>();
        doc.put("issuer", issuer());
        doc.put("authorization_endpoint", issuer() + "/authorize");
        doc.put("token_endpoint", issuer() + "/token");
        doc.put("jwks_uri", issuer() + "/jwks");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        doc.put("scopes_supported", List.of("openid", "email", "profile"));
        send(ex, 200, json.writeValueAsString(doc));
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (!CLIENT_ID.equals(q.get("client_id")) || redirect == null || !"code".equals(q.get("response_type"))
            || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null || q.get("nonce") == null
            || q.get("state") == null || !List.of(q.getOrDefault("scope", "").split(" ")).contains("openid")) {
            send(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String to;
        if (fault == Fault.ERROR_AT_AUTHORIZATION) {
            to = redirect + "?error=access_denied&state=" + enc(q.get("state"));
        } else {
            String code = UUID();
            codes.put(code, new Grant(q.get("client_id"), redirect, q.get("code_challenge"), q.get("nonce"), user));
            to = redirect + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
        }
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f;
        try (InputStream in = ex.getRequestBody()) {
            f = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET))
            .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            refuse(ex, 401, "invalid_client");
            return;
        }
        Grant g = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (!"authorization_code".equals(f.get("grant_type")) || g == null || !g.redirectUri().equals(f.get("redirect_uri"))) {
            refuse(ex, 400, "invalid_grant");
            return;
        }
        String verifier = f.get("code_verifier");
        if (verifier == null || !g.challenge().equals(s256(verifier))) {
            refuse(ex, 400, "invalid_grant");
            return;
        }
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(g.user().subject())
            .audience(fault == Fault.WRONG_AUDIENCE ? "another-client" : g.clientId())
            .issueTime(new Date(fault == Fault.EXPIRED ? now - 3_600_000 : now))
            .expirationTime(new Date(fault == Fault.EXPIRED ? now - 1_800_000 : now + 300_000))
            .claim("nonce", fault == Fault.WRONG_NONCE ? "another-nonce" : g.nonce())
            .claim("email", g.user().email());
        if (g.user().emailVerified() != null) {
            claims.claim("email_verified", g.user().emailVerified());
        }
        if (g.user().preferredUsername() != null) {
            claims.claim("preferred_username", g.user().preferredUsername());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
            jwt.sign(new RSASSASigner(fault == Fault.FORGED_SIGNATURE ? otherKey : key));
            send(ex, 200, json.writeValueAsString(Map.of("access_token", UUID(), "token_type", "Bearer", "expires_in", 300,
                "id_token", jwt.serialize())));
        } catch (JOSEException e) {
            refuse(ex, 500, "server_error");
        }
    }

    private void refuse(HttpExchange ex, int status, String error) throws IOException {
        refusals.add(error);
        send(ex, status, "{\"error\":\"" + error + "\"}");
    }

    private static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String UUID() {
        return java.util.UUID.randomUUID().toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The query parameters of a URL. */
    public static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    public static Map<String, String> query(String url) {
        return form(URI.create(url).getRawQuery());
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
