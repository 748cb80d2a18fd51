package org.entraide.web.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The brand admin's console: the capabilities enabled for the brand, topics, and the stores' CSV import with
 * its line-by-line report (local managers' capability). Only brand admins reach it; the API checks again.
 */
final class AdminConsole extends PageSupport {
    AdminConsole(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply home(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        return page(visit, brand, 200, Map.of());
    }

    /**
     * The central team's dashboard: late complaints, open ones by level, stores by score, the monthly trend and
     * the log of readings of complainants' identities (local managers, and moderation's when a brand lets
     * moderators see appellants); store managers' moderation requests per store and this month's moderation counts
     * (moderation). Each part appears with its capability.
     */
    WebReply dashboard(Visit visit, JsonNode brand, Matcher path) {
        if (!visit.member().has("BRAND_ADMIN")) {
            return message(visit, brand, 403, "admin.forbidden");
        }
        Map<String, Object> model = new HashMap<>();
        JsonNode board = api.optional(brandPath(visit) + "/rankings/dashboard", visit.token());
        if (board != null) {
            model.put("board", Models.plain(board, visit));
        }
        JsonNode reveals = api.optional(brandPath(visit) + "/managers/identity-access?size=50", visit.token());
        if (reveals != null) {
            model.put("reveals", Models.list(reveals, visit));
            model.put("revealTotal", reveals.path("total").asLong());
        }
        JsonNode shown = api.optional(brandPath(visit) + "/moderation/identity-access?size=50", visit.token());
        if (shown != null) {
            model.put("moderationReveals", Models.list(shown, visit));
        }
        JsonNode requests = api.optional(brandPath(visit) + "/moderation/requests", visit.token());
        if (requests != null) {
            model.put("requests", Models.list(requests, visit));
        }
        JsonNode transparency = api.optional(brandPath(visit) + "/moderation/transparency", visit.token());
        if (transparency != null) {
            model.put("transparency", Models.plain(transparency, visit));
        }
        SearchPages.figures(api, visit, model);
        return render(visit, brand, 200, "dashboard", model);
    }

    /** Every installed capability, on or off as its box is checked (an unchecked box is not sent). */
    WebReply features(Visit visit, JsonNode brand, Matcher path) {
        JsonNode installed = api.get(brandPath(visit) + "/features");
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        for (JsonNode f : installed.path("items")) {
            String name = f.path("name").asText();
            wanted.put(name, "on".equals(visit.request.field("feature-" + name)));
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/features", visit.token(), wanted);
        if (!a.ok()) {
            return page(visit, brand, a.status(), Map.of("refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=features");
    }

    WebReply topic(Visit visit, JsonNode brand, Matcher path) {
        String slug = visit.request.field("slug");
        String name = visit.request.field("name");
        Map<String, String> errors = new HashMap<>();
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() < 2 || slug.length() > 40) {
            errors.put("slug", "error.slug");
        }
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "error.name");
        }
        if (!errors.isEmpty()) {
            return page(visit, brand, 422, Map.of("errors", errors, "topicForm", Map.of("slug", slug, "name", name)));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/topics", visit.token(), Map.of("slug", slug, "name", name));
        if (!a.ok()) {
            return page(visit, brand, a.status(), Map.of("errors", PostForms.fieldErrors(a), "refusal", PostForms.refusal(a, visit),
                "topicForm", Map.of("slug", slug, "name", name)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=topic");
    }

    /** Stores from CSV: all lines or none, every rejected line reported with its reason. */
    WebReply importStores(Visit visit, JsonNode brand, Matcher path) {
        String csv = visit.request.raw("csv");
        if (csv.isBlank()) {
            return page(visit, brand, 422, Map.of("errors", Map.of("csv", "error.csv")));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/stores/import", visit.token(), Map.of("csv", csv));
        if (!a.ok()) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("csv", csv);
            extra.put("rejected", Models.list(a.body().path("rejected"), visit));
            extra.put("refusal", PostForms.refusal(a, visit));
            return page(visit, brand, a.status(), extra);
        }
        return WebReply.seeOther(visit.base() + "/admin?done=imported&count=" + a.body().path("imported").asInt());
    }

    /** The points table and privilege thresholds (reputation capability): every value as a whole number. */
    WebReply reputation(Visit visit, JsonNode brand, Matcher path) {
        Map<String, String> errors = new HashMap<>();
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        for (String table : java.util.List.of("points", "privileges")) {
            Map<String, Object> values = new LinkedHashMap<>();
            visit.request.form().forEach((field, value) -> {
                if (field.startsWith(table + ".") && field.length() < 80) {
                    Long n = number(value.strip());
                    if (n == null || Math.abs(n) > 100_000) {
                        errors.put(field, "error.number");
                    } else {
                        values.put(field.substring(table.length() + 1), n);
                    }
                }
            });
            tables.put(table, values);
        }
        if (!errors.isEmpty()) {
            return page(visit, brand, 422, Map.of("errors", errors));
        }
        for (var table : tables.entrySet()) {
            if (table.getValue().isEmpty()) {
                continue;
            }
            ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/reputation/" + table.getKey(), visit.token(), table.getValue());
            if (!a.ok()) {
                return page(visit, brand, a.status(), Map.of("refusal", PostForms.refusal(a, visit)));
            }
        }
        return WebReply.seeOther(visit.base() + "/admin?done=reputation");
    }

    /** A member's roles and, for a store manager, their stores. */
    WebReply roles(Visit visit, JsonNode brand, Matcher path) {
        Long member = number(visit.request.field("memberId"));
        java.util.List<String> roles = new java.util.ArrayList<>();
        for (String role : java.util.List.of("CUSTOMER", "MODERATOR", "STORE_MANAGER", "BRAND_ADMIN")) {
            if ("on".equals(visit.request.field("role-" + role))) {
                roles.add(role);
            }
        }
        java.util.List<String> stores = PostForms.tags(visit.request.field("storeCodes"));
        Map<String, String> errors = new HashMap<>();
        if (member == null) {
            errors.put("memberId", "error.userId");
        }
        if (roles.isEmpty()) {
            errors.put("roles", "error.roles");
        }
        if (!errors.isEmpty()) {
            return page(visit, brand, 422, Map.of("errors", errors));
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/members/" + member + "/roles", visit.token(),
            Map.of("roles", roles, "storeCodes", stores));
        if (!a.ok()) {
            return page(visit, brand, a.status(), Map.of("errors", PostForms.fieldErrors(a), "refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=roles");
    }

    /** The brand's first-response and regional deadlines, in opening hours; both empty: the defaults again. */
    WebReply deadlines(Visit visit, JsonNode brand, Matcher path) {
        String first = visit.request.field("firstResponseHours");
        String region = visit.request.field("regionHours");
        Long f = number(first);
        Long r = number(region);
        Map<String, String> errors = new HashMap<>();
        if (!first.isEmpty() && (f == null || f < 1 || f > 720)) {
            errors.put("firstResponseHours", "error.deadline");
        }
        if (!region.isEmpty() && (r == null || r < 1 || r > 720)) {
            errors.put("regionHours", "error.deadline");
        }
        if (!errors.isEmpty()) {
            return page(visit, brand, 422, Map.of("errors", errors));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("firstResponseHours", f);
        body.put("regionHours", r);
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/managers/deadlines", visit.token(), body);
        if (!a.ok()) {
            return page(visit, brand, a.status(), Map.of("errors", PostForms.fieldErrors(a), "refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=deadlines");
    }

    /** The brand's published ranking formula: four weights summing to 1 and a minimum of evaluations. */
    WebReply formula(Visit visit, JsonNode brand, Matcher path) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> errors = new HashMap<>();
        if (!"default".equals(visit.request.field("mode"))) {
            for (String w : java.util.List.of("response", "rating", "resolution", "buyAgain")) {
                try {
                    body.put(w, Double.valueOf(visit.request.field(w).replace(',', '.')));
                } catch (NumberFormatException e) {
                    errors.put(w, "error.weight");
                }
            }
            Long min = number(visit.request.field("minEvaluated"));
            if (min == null || min < 1) {
                errors.put("minEvaluated", "error.minEvaluated");
            }
            body.put("minEvaluated", min);
        }
        if (!errors.isEmpty()) {
            return page(visit, brand, 422, Map.of("errors", errors));
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/rankings/formula", visit.token(), body);
        if (!a.ok()) {
            // the API refuses the weights (400): the form shows why, as for any invalid form
            return page(visit, brand, a.status() == 400 ? 422 : a.status(), Map.of("errors", Map.of("response", "error.weights")));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=formula");
    }

    /** A new store (or the one with that code replaced): name, city, postal code, coordinates for "near me". */
    WebReply createStore(Visit visit, JsonNode brand, Matcher path) {
        WebRequest r = visit.request;
        Map<String, Object> body = new HashMap<>();
        for (String f : java.util.List.of("code", "name", "city", "postalCode")) {
            body.put(f, r.field("store-" + f));
        }
        for (String f : java.util.List.of("latitude", "longitude")) {
            String v = r.field("store-" + f).replace(',', '.');
            try {
                body.put(f, v.isEmpty() ? null : Double.valueOf(v));
            } catch (NumberFormatException e) {
                return page(visit, brand, 422, Map.of("errors", Map.of("store-" + f, "error.coordinate")));
            }
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/stores", visit.token(), body);
        if (!a.ok()) {
            Map<String, String> errors = new HashMap<>();
            PostForms.fieldErrors(a).forEach((field, message) -> errors.put("store-" + field, message));
            return page(visit, brand, a.status(), Map.of("errors", errors, "refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=storeCreated");
    }

    /** A store's time zone, opening hours per weekday, closure days and region (local managers capability). */
    WebReply storeSettings(Visit visit, JsonNode brand, Matcher path) {
        WebRequest r = visit.request;
        String code = r.field("code");
        Map<String, String> errors = new HashMap<>();
        if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.put("code", "error.store");
        }
        Map<String, java.util.List<String>> hours = new LinkedHashMap<>();
        for (String day : java.util.List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            java.util.List<String> ranges = PostForms.tags(r.field("hours-" + day));
            if (ranges.stream().anyMatch(h -> !h.matches("[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]"))) {
                errors.put("hours-" + day, "error.hours");
            }
            hours.put(day, ranges);
        }
        if (!errors.isEmpty()) {
            return page(visit, brand, 422, Map.of("errors", errors));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", r.field("timeZone").isEmpty() ? "Europe/Paris" : r.field("timeZone"));
        body.put("hours", hours);
        body.put("closures", PostForms.tags(r.field("closures")));
        if (!r.field("region").isEmpty()) {
            body.put("region", r.field("region"));
        }
        ApiClient.Answer a = api.call("PUT", brandPath(visit) + "/stores/" + code + "/settings", visit.token(), body);
        if (!a.ok()) {
            return page(visit, brand, a.status(), Map.of("errors", PostForms.fieldErrors(a), "refusal", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/admin?done=store");
    }

    WebReply page(Visit visit, JsonNode brand, int status, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("features", Models.list(api.get(brandPath(visit) + "/features"), visit));
        model.put("topics", Models.list(api.get(brandPath(visit) + "/topics"), visit));
        model.put("errors", Map.of());
        model.put("topicForm", Map.of("slug", "", "name", ""));
        model.put("csv", "");
        model.put("rejected", java.util.List.of());
        JsonNode points = api.optional(brandPath(visit) + "/reputation/points", null);
        JsonNode privileges = api.optional(brandPath(visit) + "/reputation/privileges", null);
        if (points != null && privileges != null && visit.features().contains("reputation")) {
            model.put("points", Models.plain(points, visit));
            model.put("privileges", Models.plain(privileges, visit));
        }
        model.put("localManagers", visit.features().contains("local-managers"));
        if (visit.features().contains("local-managers")) {
            JsonNode formula = api.optional(brandPath(visit) + "/rankings/formula", null);
            if (formula != null) {
                model.put("formula", Models.plain(formula.path("formula"), visit));
            }
            JsonNode deadlines = api.optional(brandPath(visit) + "/managers/deadlines", null);
            if (deadlines != null) {
                model.put("deadlines", Models.plain(deadlines, visit));
            }
        }
        if (visit.features().contains("webhooks")) {
            JsonNode hooks = api.optional(brandPath(visit) + "/webhooks", visit.token());
            model.put("webhooks", Models.list(hooks, visit));
        }
        if (visit.features().contains("badges")) {
            JsonNode badges = api.optional(brandPath(visit) + "/badges?size=100", visit.token());
            java.util.List<Map<String, Object>> list = new java.util.ArrayList<>();
            for (JsonNode b : badges == null ? java.util.List.<JsonNode>of() : badges.path("items")) {
                Map<String, Object> m = new HashMap<>();
                m.put("key", b.path("badge").path("key").asText());
                m.put("holders", b.path("holders").asLong());
                try {
                    m.put("json", new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(b.path("badge")));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                list.add(m);
            }
            model.put("badges", list);
        }
        JsonNode sso = api.optional(brandPath(visit) + "/sso", visit.token());
        if (sso != null) {
            model.put("sso", Models.plain(sso, visit));
        }
        model.put("badgeDrafts", Map.of());
        model.put("secret", "");
        JsonNode keys = api.optional(brandPath(visit) + "/api-keys", visit.token());
        model.put("apiKeys", Models.list(keys, visit));
        model.put("apiScopes", AdminExtras.API_SCOPES);
        model.put("apiKey", "");
        String done = visit.request.param("done");
        model.put("done", done != null && done.matches("features|topic|imported|reputation|roles|store|badge|region|webhookDeleted|deadlines|formula|storeCreated|sso|apiKeyRevoked") ? done : "");
        Long count = number(visit.request.param("count") == null ? "" : visit.request.param("count"));
        model.put("count", count == null ? 0 : count);
        model.putAll(extra);
        return render(visit, brand, status, "admin", model);
    }
}
