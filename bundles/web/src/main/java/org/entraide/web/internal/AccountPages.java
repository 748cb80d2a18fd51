package org.entraide.web.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a member does with their own account: confirm their address, get back in with a reset link, change their
 * profile, e-mail address and password, sign their devices out, download their data and close their account. Pages
 * that answer a request for a link say the
 * same whether or not the address has an account.
 */
final class AccountPages extends PageSupport {
    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    AccountPages(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** The link of the verification e-mail. Opening it is the confirmation: the address received it. */
    WebReply verifyEmail(Visit visit, JsonNode brand, Matcher path) {
        String token = visit.request.param("token");
        if (token == null || !token.matches(TOKEN)) {
            return message(visit, brand, 400, "account.linkInvalid");
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/email-verification/" + token, null, null);
        if (a.status() == 204) {
            return message(visit, brand, 200, "account.verified");
        }
        if (a.status() == 409) {
            return message(visit, brand, 409, "account.emailTaken");
        }
        return message(visit, brand, 400, "account.linkInvalid");
    }

    WebReply resendVerification(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/me/email-verification", visit.token(), null);
        if (a.status() == 429) {
            return message(visit, brand, 429, "login.tooMany");
        }
        return message(visit, brand, a.status() == 409 ? 409 : 200, a.status() == 409 ? "account.alreadyVerified"
            : "account.checkEmail");
    }

    WebReply forgotForm(Visit visit, JsonNode brand, Matcher path) {
        return render(visit, brand, 200, "forgot-password", Map.of("email", "", "csrf", visit.csrf()));
    }

    WebReply forgot(Visit visit, JsonNode brand, Matcher path) {
        String email = visit.request.field("email");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            return render(visit, brand, 422, "forgot-password", Map.of("email", email, "csrf", visit.csrf(),
                "errors", Map.of("email", "error.email")));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/password-reset", null, Map.of("email", email));
        if (a.status() == 429) {
            return message(visit, brand, 429, "login.tooMany");
        }
        return message(visit, brand, 200, "account.resetSent");
    }

    WebReply resetForm(Visit visit, JsonNode brand, Matcher path) {
        String token = visit.request.param("token");
        if (token == null || !token.matches(TOKEN)) {
            return message(visit, brand, 400, "account.linkInvalid");
        }
        return resetPage(visit, brand, 200, token, Map.of());
    }

    WebReply reset(Visit visit, JsonNode brand, Matcher path) {
        String token = visit.request.field("token");
        String password = visit.request.raw("password");
        if (!token.matches(TOKEN)) {
            return message(visit, brand, 400, "account.linkInvalid");
        }
        if (password.length() < 10 || password.length() > 128) {
            return resetPage(visit, brand, 422, token, Map.of("password", "error.password"));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/password-reset/" + token, null, Map.of("password", password));
        if (a.status() == 204) {
            visit.signOut();
            return message(visit, brand, 200, "account.passwordReset");
        }
        if ("password".equals(field(a))) {
            return resetPage(visit, brand, 422, token, Map.of("password", "error.passwordWeak"));
        }
        return message(visit, brand, 400, "account.linkInvalid");
    }

    /** The member's own account page: profile, address, password, sessions. */
    WebReply account(Visit visit, JsonNode brand, Matcher path) {
        return accountPage(visit, brand, 200, Map.of(), null);
    }

    WebReply saveProfile(Visit visit, JsonNode brand, Matcher path) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("pseudonym", visit.request.field("pseudonym"));
        change.put("bio", visit.request.field("bio"));
        change.put("locale", visit.request.field("locale"));
        String zone = visit.request.field("timeZone");
        if (!zone.isEmpty()) {
            change.put("timeZone", zone);
        }
        return afterChange(visit, brand, api.call("PATCH", brandPath(visit) + "/me", visit.token(), change));
    }

    WebReply changeEmail(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("PATCH", brandPath(visit) + "/me", visit.token(), Map.of("email",
            visit.request.field("email"), "currentPassword", visit.request.raw("currentPassword")));
        if (a.ok()) {
            return accountPage(visit, brand, 200, Map.of(), "account.emailPending");
        }
        return afterChange(visit, brand, a);
    }

    WebReply changePassword(Visit visit, JsonNode brand, Matcher path) {
        String password = visit.request.raw("password");
        if (password.length() < 10 || password.length() > 128) {
            return accountPage(visit, brand, 422, Map.of("password", "error.password"), null);
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/me/password", visit.token(), Map.of("currentPassword",
            visit.request.raw("oldPassword"), "password", password));
        if (a.status() == 204) {
            return accountPage(visit, brand, 200, Map.of(), "account.passwordChanged");
        }
        if ("currentPassword".equals(field(a))) {
            // this form's field for it is oldPassword: the e-mail form has its own currentPassword
            return accountPage(visit, brand, 422, Map.of("oldPassword", "account.error.currentPassword"), null);
        }
        return afterChange(visit, brand, a);
    }

    /** The avatar form: the picture goes to the API as it came, which decodes, checks and redraws it. */
    WebReply uploadAvatar(Visit visit, JsonNode brand, Matcher path) {
        Uploads.FileField file = visit.request.file();
        if (file == null || file.bytes().length == 0) {
            return accountPage(visit, brand, 422, Map.of("image", "account.avatar.missing"), null);
        }
        String type = file.contentType().split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        ApiClient.Answer a = api.upload(brandPath(visit) + "/me/avatar", visit.token(), type, file.bytes());
        if (a.ok()) {
            return accountPage(visit, brand, 200, Map.of(), "account.avatar.saved");
        }
        String key = switch (a.status()) {
            case 413 -> "account.avatar.tooLarge";
            case 415 -> "account.avatar.type";
            case 429 -> "login.tooMany";
            default -> "account.avatar.invalid";
        };
        return accountPage(visit, brand, a.status() == 429 ? 429 : 422, Map.of("image", key), null);
    }

    WebReply removeAvatar(Visit visit, JsonNode brand, Matcher path) {
        api.call("DELETE", brandPath(visit) + "/me/avatar", visit.token(), null);
        return accountPage(visit, brand, 200, Map.of(), "account.avatar.removed");
    }

    WebReply revokeSession(Visit visit, JsonNode brand, Matcher path) {
        api.call("DELETE", brandPath(visit) + "/me/sessions/" + path.group(2), visit.token(), null);
        return WebReply.seeOther(visit.base() + "/me/account#sessions");
    }

    WebReply revokeOthers(Visit visit, JsonNode brand, Matcher path) {
        api.call("POST", brandPath(visit) + "/me/sessions/revoke-others", visit.token(), null);
        return WebReply.seeOther(visit.base() + "/me/account#sessions");
    }

    /** "Download my data": asks for an export, made in the background; the page lists it until it can be downloaded. */
    WebReply askExport(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/me/export", visit.token(), null);
        if (a.status() == 202) {
            return accountPage(visit, brand, 200, Map.of(), "account.exportAsked");
        }
        if (a.status() == 409) {
            return accountPage(visit, brand, 409, Map.of(), "account.exportPending");
        }
        return accountPage(visit, brand, a.status() == 429 ? 429 : 422, Map.of(), "account.exportRefused");
    }

    /** The archive of one of the member's exports, as a JSON file; the API answers 404 for another member's, 410 once expired. */
    WebReply downloadExport(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("GET", brandPath(visit) + "/me/exports/" + path.group(2) + "/archive", visit.token(), null);
        if (a.ok() && a.body() != null) {
            return WebReply.of(new Page(200, a.body().toString(), "application/json; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"entraide-" + visit.slug + "-export-" + path.group(2) + ".json\"");
        }
        if (a.status() == 410) {
            return message(visit, brand, 410, "account.exportExpired");
        }
        return message(visit, brand, 404, "notfound.text");
    }

    /** "Close my account": with the current password; then the member is signed out and told it is done. */
    WebReply close(Visit visit, JsonNode brand, Matcher path) {
        if (!"yes".equals(visit.request.field("confirm"))) {
            return accountPage(visit, brand, 422, Map.of("confirm", "account.error.confirmClose"), null);
        }
        ApiClient.Answer a = api.call("DELETE", brandPath(visit) + "/me", visit.token(), Map.of("currentPassword",
            visit.request.raw("closePassword")));
        if (a.status() == 204) {
            visit.signOut();
            return message(visit, brand, 200, "account.closed");
        }
        if (a.status() == 429) {
            return accountPage(visit, brand, 429, Map.of(), "login.tooMany");
        }
        return accountPage(visit, brand, 422, Map.of("closePassword", "account.error.currentPassword"), null);
    }

    private WebReply afterChange(Visit visit, JsonNode brand, ApiClient.Answer a) {
        if (a.ok()) {
            return accountPage(visit, brand, 200, Map.of(), "account.saved");
        }
        if (a.status() == 429) {
            return accountPage(visit, brand, 429, Map.of(), "login.tooMany");
        }
        String field = field(a);
        String key = switch (field) {
            case "pseudonym" -> "error.pseudonym";
            case "timeZone" -> "account.error.timeZone";
            case "bio" -> "account.error.bio";
            case "locale" -> "account.error.locale";
            case "email" -> "error.email";
            case "currentPassword" -> "account.error.currentPassword";
            case "password" -> "error.passwordWeak";
            default -> a.status() == 409 ? "account.error.pseudonymTaken" : "error.refused";
        };
        return accountPage(visit, brand, a.status() == 409 ? 409 : 422, Map.of(field.isEmpty() ? "pseudonym" : field, key), null);
    }

    private WebReply accountPage(Visit visit, JsonNode brand, int status, Map<String, String> errorKeys, String notice) {
        JsonNode me = api.get(brandPath(visit) + "/me", visit.token());
        JsonNode sessions = api.get(brandPath(visit) + "/me/sessions", visit.token());
        JsonNode exports = api.get(brandPath(visit) + "/me/exports", visit.token());
        if (me == null || sessions == null || exports == null) {
            return message(visit, brand, 401, "signin.needed");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("account", Models.plain(me, visit));
        model.put("sessions", Models.list(sessions, visit));
        model.put("exports", Models.list(exports, visit));
        model.put("errors", errorKeys);
        model.put("zones", List.of("Europe/Paris", "Europe/Brussels", "Europe/Zurich", "Europe/Luxembourg", "Europe/London",
            "America/Montreal", "America/Guadeloupe", "America/Martinique", "Indian/Reunion", "Pacific/Noumea", "UTC"));
        model.put("csrf", visit.csrf());
        // the account page always shows the latest avatar: its address changes on every visit
        model.put("now", System.currentTimeMillis());
        if (notice != null) {
            model.put("notice", notice);
        }
        return render(visit, brand, status, "account", model);
    }

    private WebReply resetPage(Visit visit, JsonNode brand, int status, String token, Map<String, String> errors) {
        return render(visit, brand, status, "reset-password", Map.of("token", token, "errors", errors, "csrf", visit.csrf()));
    }

    private static String field(ApiClient.Answer a) {
        return a.body() == null ? "" : a.body().path("errors").path(0).path("field").asText("");
    }
}
