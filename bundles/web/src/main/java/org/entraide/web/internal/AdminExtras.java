package org.entraide.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brand admin's settings that belong to a capability: webhooks, badge definitions (as JSON, like the API
 * takes them) and regions with their managers. Each form answers on the admin page.
 */
final class AdminExtras extends PageSupport {
    private final AdminConsole console;

    AdminExtras(ApiClient api, Templates templates, AdminConsole console) {
        super(api, templates);
        this.console = console;
    }

    /** A new webhook: its signing secret is shown once, on the page that answers. */
    WebReply createWebhook(Visit visit, JsonNode brand, Matcher path) {
        String url = visit.request.field("url");
        List<String> types = PostForms.tags(visit.request.field("eventTypes").replace(',', ' '));
        if (!url.startsWith("https://") || url.length() > 2000) {
            return console.page(visit, brand, 422, Map.of("errors", Map.of("url", "error.url")));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/webhooks", visit.token(), Map.of("url", url, "eventTypes", types));
        if (!a.ok()) {
            return console.page(visit, brand, a.status(), Map.of("errors", Map.of("url", PostForms.refusal(a, visit))));
        }
        return console.page(visit, brand, 201, Map.of("secret", a.body().path("secret").asText(), "done", "webhook"));
    }

    WebReply deleteWebhook(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("DELETE", brandPath(visit) + "/webhooks/" + path.group(2), visit.token(), null);
        return a.ok() ? WebReply.seeOther(visit.base() + "/admin?done=webhookDeleted")
            : console.page(visit, brand, a.status(), Map.of("refusal", PostForms.refusal(a, visit)));
    }

    /** A badge definition, new or replaced; the API validates its criterion and applies it to past activity. */
    WebReply saveBadge(Visit visit, JsonNode brand, Matcher path) {
        String key = visit.request.field("key");
        String text = visit.request.raw("definition");
        JsonNode definition = jsonObject(text);
        String field = "badge-" + (key.isEmpty() ? "new" : key);
        if (definition == null) {
            return console.page(visit, brand, 422, Map.of("errors", Map.of(field, "error.json"), "badgeDrafts", Map.of(field, text)));
        }
        ApiClient.Answer a = key.isEmpty()
            ? api.call("POST", brandPath(visit) + "/badges", visit.token(), definition)
            : api.call("PUT", brandPath(visit) + "/badges/" + Site.urlEncode(key), visit.token(), definition);
        if (!a.ok()) {
            return console.page(visit, brand, a.status(), Map.of("errors", Map.of(field, firstError(a, visit)),
                "badgeDrafts", Map.of(field, text)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=badge#badges-h");
    }

    /** A region, its name and its managers (member numbers). */
    WebReply saveRegion(Visit visit, JsonNode brand, Matcher path) {
        String code = visit.request.field("regionCode");
        String name = visit.request.field("regionName");
        Map<String, String> errors = new HashMap<>();
        if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.put("regionCode", "error.store");
        }
        if (name.isEmpty() || name.length() > 120) {
            errors.put("regionName", "error.name");
        }
        List<Long> managers = new java.util.ArrayList<>();
        for (String id : PostForms.tags(visit.request.field("regionManagers"))) {
            Long n = number(id);
            if (n == null) {
                errors.put("regionManagers", "error.userId");
            } else {
                managers.add(n);
            }
        }
        if (!errors.isEmpty()) {
            return console.page(visit, brand, 422, Map.of("errors", errors));
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/regions/" + code, visit.token(),
            Map.of("name", name, "managers", managers));
        if (!a.ok()) {
            return console.page(visit, brand, a.status(), Map.of("errors", PostForms.fieldErrors(a), "refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=region");
    }

    /** The scopes a key may be given, as the API names them; each is a checkbox of the form. */
    static final List<String> API_SCOPES = List.of("complaints:read", "complaints:respond", "stores:manage", "questions:read",
        "posts:write", "webhooks:manage");

    /** A new API key: shown once, on the page that answers; the API stores only its digest. */
    WebReply createApiKey(Visit visit, JsonNode brand, Matcher path) {
        String name = visit.request.field("keyName");
        List<String> scopes = API_SCOPES.stream().filter(s -> !visit.request.field("scope-" + s).isEmpty()).toList();
        String expires = visit.request.field("expiresOn");
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("scopes", scopes);
        if (!expires.isEmpty()) {
            try {
                // the key works through the whole day chosen, in UTC
                body.put("expiresAt", java.time.LocalDate.parse(expires).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant().toString());
            } catch (java.time.format.DateTimeParseException e) {
                return console.page(visit, brand, 422, Map.of("errors", Map.of("expiresOn", "error.date")));
            }
        }
        if (name.isEmpty() || scopes.isEmpty()) {
            Map<String, String> errors = new HashMap<>();
            if (name.isEmpty()) {
                errors.put("keyName", "apikeys.nameRequired");
            }
            if (scopes.isEmpty()) {
                errors.put("scopes", "apikeys.scopesRequired");
            }
            return console.page(visit, brand, 422, Map.of("errors", errors));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/api-keys", visit.token(), body);
        if (!a.ok()) {
            return console.page(visit, brand, a.status(), Map.of("errors", Map.of("keyName", PostForms.refusal(a, visit))));
        }
        return console.page(visit, brand, 201, Map.of("apiKey", a.body().path("key").asText(), "done", "apiKey"));
    }

    WebReply revokeApiKey(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Answer a = api.call("DELETE", brandPath(visit) + "/api-keys/" + path.group(2), visit.token(), null);
        return a.ok() ? WebReply.seeOther(visit.base() + "/admin?done=apiKeyRevoked#apikeys-h")
            : console.page(visit, brand, a.status(), Map.of("refusal", PostForms.refusal(a, visit)));
    }
}
