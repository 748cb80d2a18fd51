package org.entraide.web.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/** Sign-in, registration and sign-out, through the API's auth endpoints. */
final class AccountForms extends PageSupport {
    AccountForms(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply loginForm(Visit visit, JsonNode brand, Matcher path) {
        return loginPage(visit, brand, 200, "", null);
    }

    WebReply login(Visit visit, JsonNode brand, Matcher path) {
        String email = visit.request.field("email");
        String password = visit.request.raw("password");
        if (email.isEmpty() || password.isEmpty()) {
            return loginPage(visit, brand, 422, email, "login.missing");
        }
        Map<String, Object> login = new HashMap<>(Map.of("brand", visit.slug, "email", email, "password", password));
        String device = Devices.describe(visit.request.userAgent());
        if (device != null) {
            // what the member's sessions page shows of this device
            login.put("device", device);
        }
        ApiClient.Answer a = api.call("POST", "/auth/login", null, login);
        if (a.status() == 429) {
            return loginPage(visit, brand, 429, email, "login.tooMany");
        }
        if (a.status() == 403) {
            // a right password, but the brand signs its members in through its own provider only
            return loginPage(visit, brand, 403, email, "login.ssoOnly");
        }
        if (!a.ok()) {
            return loginPage(visit, brand, 401, email, "login.failed");
        }
        visit.signIn(a.body().path("token").asText(), Instant.parse(a.body().path("expiresAt").asText()));
        return WebReply.seeOther(next(visit));
    }

    WebReply registerForm(Visit visit, JsonNode brand, Matcher path) {
        return registerPage(visit, brand, 200, Map.of("email", "", "pseudonym", ""), Map.of());
    }

    WebReply register(Visit visit, JsonNode brand, Matcher path) {
        String email = visit.request.field("email");
        String pseudonym = visit.request.field("pseudonym");
        String password = visit.request.raw("password");
        Map<String, String> form = Map.of("email", email, "pseudonym", pseudonym);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            errors.put("email", "error.email");
        }
        if (!pseudonym.matches("[\\p{L}\\p{N}_.-]{3,30}")) {
            errors.put("pseudonym", "error.pseudonym");
        }
        if (password.length() < 10 || password.length() > 128) {
            errors.put("password", "error.password");
        }
        // the brand's terms, when it has some: accepted by ticking the box, recorded with their version
        String terms = terms(visit);
        if (terms != null && !"yes".equals(visit.request.field("terms"))) {
            errors.put("terms", "error.terms");
        }
        if (!errors.isEmpty()) {
            return registerPage(visit, brand, 422, form, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("brand", visit.slug, "email", email, "password", password,
            "pseudonym", pseudonym, "locale", "en".equals(visit.locale.getLanguage()) ? "en" : "fr"));
        if (terms != null) {
            body.put("acceptedTermsVersion", terms);
        }
        ApiClient.Answer a = api.call("POST", "/auth/register", null, body);
        if (a.status() == 409) {
            // only a taken pseudonym: whether the address has an account is told to its owner alone, by e-mail
            return registerPage(visit, brand, 409, form, Map.of("pseudonym", "error.pseudonymTaken"));
        }
        if (a.status() == 429) {
            return registerPage(visit, brand, 429, form, Map.of("email", "login.tooMany"));
        }
        if (a.status() == 400 && a.body() != null && a.body().path("errors").path(0).path("field").asText().equals("password")) {
            // the API refuses common passwords and the account's own e-mail or pseudonym
            return registerPage(visit, brand, 422, form, Map.of("password", "error.passwordWeak"));
        }
        if (!a.ok()) {
            return registerPage(visit, brand, 422, form, Map.of("email", "error.refused"));
        }
        // the same page for a new address and for one that has an account: the e-mail tells which
        return message(visit, brand, 200, "account.checkEmail");
    }

    /** Revokes the token on the server, not only the cookie in this browser. */
    WebReply logout(Visit visit, JsonNode brand, Matcher path) {
        if (visit.signedIn()) {
            api.call("POST", "/auth/logout", visit.token(), null);
        }
        visit.signOut();
        return WebReply.seeOther(visit.base());
    }

    private WebReply loginPage(Visit visit, JsonNode brand, int status, String email, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("next", next(visit));
        model.put("csrf", visit.csrf());
        JsonNode sso = api.optional(brandPath(visit) + "/sso/options", null);
        if (sso != null && sso.path("enabled").asBoolean()) {
            model.put("ssoLabel", sso.path("buttonLabel").asText());
            model.put("passwordLoginOff", !sso.path("passwordLoginEnabled").asBoolean(true));
        }
        if (error != null) {
            model.put("error", error);
        }
        return render(visit, brand, status, "login", model);
    }

    private WebReply registerPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>(Map.of("form", form, "errors", errors, "next", next(visit), "csrf", visit.csrf()));
        JsonNode policy = api.get(brandPath(visit) + "/privacy-policy");
        if (policy != null) {
            model.put("privacy", Models.plain(policy, visit));
        }
        return render(visit, brand, status, "register", model);
    }

    /** The version of the brand's terms a registrant accepts, or null when the brand has none. */
    private String terms(Visit visit) {
        JsonNode policy = api.get(brandPath(visit) + "/privacy-policy");
        return policy == null || !policy.path("termsVersion").isTextual() ? null : policy.path("termsVersion").asText();
    }

    /** Where to go after signing in: a page of this brand, never another site. */
    private static String next(Visit visit) {
        String next = visit.request.isPost() ? visit.request.field("next") : visit.request.param("next");
        String base = visit.base();
        if (next != null && (next.equals(base) || next.startsWith(base + "/")) && next.matches("[A-Za-z0-9/_.-]+")
            && !next.contains("..") && !next.endsWith("/login") && !next.endsWith("/register")) {
            return next;
        }
        return base;
    }
}
