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

    private WebReply page(Visit visit, JsonNode brand, int status, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("features", Models.list(api.get(brandPath(visit) + "/features"), visit));
        model.put("topics", Models.list(api.get(brandPath(visit) + "/topics"), visit));
        model.put("errors", Map.of());
        model.put("topicForm", Map.of("slug", "", "name", ""));
        model.put("csv", "");
        model.put("rejected", java.util.List.of());
        String done = visit.request.param("done");
        model.put("done", done != null && done.matches("features|topic|imported") ? done : "");
        Long count = number(visit.request.param("count") == null ? "" : visit.request.param("count"));
        model.put("count", count == null ? 0 : count);
        model.putAll(extra);
        return render(visit, brand, status, "admin", model);
    }
}
