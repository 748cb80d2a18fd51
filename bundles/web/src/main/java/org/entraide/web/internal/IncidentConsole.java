package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The incidents' console (incidents capability), for the brand's admins and the regions' managers: the open and
 * closed incidents (a region's managers see their regions'), the rises the detection proposed (the central team's),
 * and the form that declares an incident or accepts a proposal. Who may do what is the API's to decide: its problems
 * are shown in words, with the form kept.
 */
final class IncidentConsole extends PageSupport {
    static final String CAPABILITY = "incidents";
    static final String PATH = "/admin/incidents";
    private static final int SIZE = 20;
    private static final List<String> FIELDS = List.of("title", "theme", "stores", "regions", "startsAt", "endsAt", "proposalId");

    IncidentConsole(ApiClient api, Templates templates) {
        super(api, templates);
    }

    /** The regions the visitor manages (local managers' capability), empty without it. */
    static Set<String> regionsOf(ApiClient api, Visit visit) {
        Set<String> out = new HashSet<>();
        if (visit.features().contains("local-managers")) {
            JsonNode me = api.optional(brandPath(visit) + "/managers/me", visit.token());
            if (me != null) {
                me.path("regions").forEach(r -> out.add(r.isObject() ? r.path("code").asText() : r.asText()));
            }
        }
        return out;
    }

    /** Whether the visitor handles incidents: a brand admin, or a region's manager; null when they may, else the reply. */
    WebReply refused(Visit visit, JsonNode brand, Set<String> regions) {
        if (!visit.features().contains(CAPABILITY)) {
            return notFound(visit);
        }
        if (visit.member().has("BRAND_ADMIN") || !regions.isEmpty()) {
            return null;
        }
        return message(visit, brand, 403, "incidents.staffOnly");
    }

    WebReply console(Visit visit, JsonNode brand, Matcher path) {
        Set<String> regions = regionsOf(api, visit);
        WebReply no = refused(visit, brand, regions);
        if (no != null) {
            return no;
        }
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        form.put("statementAnswers", "");
        String proposal = visit.request.param("proposal");
        if (proposal != null && proposal.matches("[0-9]{1,18}")) {
            form.put("proposalId", proposal);
        }
        return page(visit, brand, 200, regions, form, null);
    }

    WebReply declare(Visit visit, JsonNode brand, Matcher path) {
        Set<String> regions = regionsOf(api, visit);
        WebReply no = refused(visit, brand, regions);
        if (no != null) {
            return no;
        }
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(f -> form.put(f, visit.request.field(f)));
        form.put("statementAnswers", "on".equals(visit.request.field("statementAnswers")) ? "on" : "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.get("title"));
        body.put("theme", IncidentForms.keywords(form.get("theme")));
        putList(body, "stores", KnowledgePages.items(form.get("stores")));
        putList(body, "regions", KnowledgePages.items(form.get("regions")));
        IncidentForms.putInstant(body, "startsAt", form.get("startsAt"));
        IncidentForms.putInstant(body, "endsAt", form.get("endsAt"));
        Long proposalId = number(form.get("proposalId"));
        if (proposalId != null) {
            body.put("proposalId", proposalId);
        }
        if (!form.get("statementAnswers").isEmpty()) {
            body.put("statementAnswers", true);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/incidents", visit.token(), body);
        if (!a.ok()) {
            return page(visit, brand, a.status(), regions, form, firstError(a, visit));
        }
        return WebReply.seeOther(visit.base() + PATH + "/" + a.body().path("id").asLong() + "?done=declared");
    }

    private WebReply page(Visit visit, JsonNode brand, int status, Set<String> regions, Map<String, String> form, String refusal) {
        boolean admin = visit.member().has("BRAND_ADMIN");
        int page = pageNumber(visit);
        Map<String, Object> model = new HashMap<>();
        model.put("open", mine(Models.list(api.optional(brandPath(visit) + "/incidents?status=open&size=50", visit.token()), visit),
            admin, regions));
        JsonNode closed = api.optional(brandPath(visit) + "/incidents?status=closed&size=" + SIZE + "&page=" + page, visit.token());
        model.put("closed", mine(Models.list(closed, visit), admin, regions));
        long total = closed == null ? 0 : closed.path("total").asLong();
        if (page > 1) {
            model.put("prev", visit.base() + PATH + "?page=" + (page - 1));
        }
        if ((long) page * SIZE < total) {
            model.put("next", visit.base() + PATH + "?page=" + (page + 1));
        }
        if (admin) {
            // proposals are the central team's: a region's manager hears of their region's by notification
            List<Map<String, Object>> proposals = Models.list(api.optional(brandPath(visit) + "/incident-proposals?size=20",
                visit.token()), visit);
            for (Map<String, Object> p : proposals) {
                // the hour a rise was counted in, read as the other dates of the page
                if (p.get("hour") instanceof String hour) {
                    p.put("hourText", Models.date(java.time.Instant.parse(hour), visit));
                }
            }
            model.put("proposals", proposals);
            prefill(form, proposals);
        }
        model.put("form", form);
        model.put("regions", List.copyOf(regions));
        model.put("admin", admin);
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "incidents-console", model);
    }

    /** A proposal being accepted: its store or region fills the form, its number stays hidden. */
    private static void prefill(Map<String, String> form, List<Map<String, Object>> proposals) {
        String id = form.get("proposalId");
        if (id.isEmpty() || !form.get("stores").isEmpty() || !form.get("regions").isEmpty()) {
            return;
        }
        for (Map<String, Object> p : proposals) {
            if (id.equals(String.valueOf(p.get("id"))) && p.get("scope") instanceof String scope) {
                if (scope.startsWith("region:")) {
                    form.put("regions", scope.substring("region:".length()));
                } else if (p.get("store") instanceof Map<?, ?> store) {
                    form.put("stores", String.valueOf(store.get("code")));
                }
            }
        }
    }

    /** A region's managers see the incidents that name one of their regions; the central team sees all. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mine(List<Map<String, Object>> incidents, boolean admin, Set<String> regions) {
        if (admin) {
            return incidents;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> i : incidents) {
            if (i.get("regions") instanceof List<?> named && ((List<Object>) named).stream().anyMatch(regions::contains)) {
                out.add(i);
            }
        }
        return out;
    }

    private static void putList(Map<String, Object> body, String name, List<String> values) {
        if (!values.isEmpty()) {
            body.put(name, values);
        }
    }
}
