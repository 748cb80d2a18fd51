package org.entraide.web.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Single sign-on with the brand's OpenID Connect provider: {@code /sso/start} sends the browser to the provider,
 * {@code /sso/callback} is where it comes back; the API keeps the state, nonce and PKCE verifier and checks the ID
 * token. The state is also kept in a cookie of this browser (Lax, so that the provider's redirect carries it) and
 * must match at the callback: a callback link made by someone else, who started a sign-in of their own, does not
 * sign this browser into their account (login CSRF). Brand admins configure it from the admin console.
 */
final class SsoPages extends PageSupport {
    static final String COOKIE = "entraide_sso";

    SsoPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply start(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/sso/start", null, null);
        if (a.status() == 429) {
            return message(visit, brand, 429, "login.tooMany");
        }
        if (a.status() == 404) {
            return message(visit, brand, 404, "sso.unavailable");
        }
        if (!a.ok()) {
            return message(visit, brand, 400, "sso.refused");
        }
        String url = a.body().path("authorizationUrl").asText();
        String state = WebRequest.decode(url.substring(url.indexOf('?') + 1)).get("state");
        return WebReply.seeOther(url).cookie(cookie(visit, state, 600));
    }

    WebReply callback(Visit visit, JsonNode brand, Matcher path) {
        String state = visit.request.param("state");
        String mine = visit.request.cookies().get(COOKIE);
        if (state == null || mine == null || !java.security.MessageDigest.isEqual(state.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), mine.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return message(visit, brand, 400, "sso.expired").cookie(cookie(visit, "", 0));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("state", state);
        String code = visit.request.param("code");
        String error = visit.request.param("error");
        if (code != null) {
            body.put("code", code);
        }
        if (error != null) {
            body.put("error", error);
        }
        String device = Devices.describe(visit.request.userAgent());
        if (device != null) {
            body.put("device", device);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/sso/callback", null, body);
        if (!a.ok()) {
            String type = a.body() == null ? "" : a.body().path("type").asText();
            String key = a.status() == 429 ? "login.tooMany" : type.endsWith("/sso-state") ? "sso.expired"
                : type.endsWith("/sso-email-taken") ? "sso.emailTaken" : "sso.refused";
            return message(visit, brand, a.status() == 429 ? 429 : a.status() == 409 ? 409 : 400, key)
                .cookie(cookie(visit, "", 0));
        }
        visit.signIn(a.body().path("token").asText(), Instant.parse(a.body().path("expiresAt").asText()));
        return WebReply.seeOther(visit.base()).cookie(cookie(visit, "", 0));
    }

    /** The brand admin's settings; an empty secret keeps the stored one. */
    WebReply save(Visit visit, JsonNode brand, Matcher path, AdminConsole admin) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", "on".equals(visit.request.field("ssoEnabled")));
        body.put("issuer", visit.request.field("issuer"));
        body.put("clientId", visit.request.field("clientId"));
        String secret = visit.request.raw("clientSecret");
        if (!secret.isEmpty()) {
            body.put("clientSecret", secret);
        }
        body.put("passwordLoginEnabled", !"on".equals(visit.request.field("passwordLoginOff")));
        body.put("buttonLabel", visit.request.field("buttonLabel"));
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/sso", visit.token(), body);
        if (!a.ok()) {
            return admin.page(visit, brand, a.status() >= 500 ? 400 : a.status(), Map.of("errors", PostForms.fieldErrors(a),
                "refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=sso");
    }

    private static String cookie(Visit visit, String value, int maxAge) {
        return COOKIE + "=" + value + "; Path=/b/" + visit.slug + "/sso; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
            + (visit.request.secure() ? "; Secure" : "");
    }
}
