package org.entraide.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff part of an incident's page: its description, statements, counts by store and day and time to statement,
 * the attached questions and complaints, and the forms that publish the statement and its updates, attach items in
 * bulk (ticked in a search's results, or typed by number) and close it, answering its complaints.
 */
final class IncidentForms extends PageSupport {
    private static final int ITEMS = 100;
    private static final int SEARCH = 50;

    private final IncidentConsole console;

    IncidentForms(ApiClient api, Templates templates, IncidentConsole console) {
        super(api, templates);
        this.console = console;
    }

    WebReply staff(Visit visit, JsonNode brand, Matcher path) {
        return staffPage(visit, brand, path, 200, Map.of());
    }

    WebReply publish(Visit visit, JsonNode brand, Matcher path) {
        String text = visit.request.raw("body");
        ApiClient.Answer a = api.call("POST", incidentPath(visit, path) + "/statements", visit.token(),
            Map.of("body", text));
        return done(visit, brand, path, a, "statement", Map.of("statementDraft", text));
    }

    WebReply attach(Visit visit, JsonNode brand, Matcher path) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Map.Entry<String, String> f : visit.request.form().entrySet()) {
            if (f.getKey().matches("post-[0-9]{1,18}")) {
                ids.add(Long.parseLong(f.getKey().substring("post-".length())));
            }
        }
        List<Object> postIds = new ArrayList<>(ids);
        for (String typed : numbers(visit.request.field("ids"))) {
            Long n = number(typed);
            if (n == null) {
                postIds.add(typed); // sent as typed: the API's problem names the field
            } else if (!postIds.contains(n)) {
                postIds.add(n);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postIds", postIds);
        ApiClient.Answer a = api.call("POST", incidentPath(visit, path) + "/items", visit.token(), body);
        if (!a.ok()) {
            return staffPage(visit, brand, path, a.status(), Map.of("refusal", firstError(a, visit), "idsDraft",
                visit.request.field("ids")));
        }
        JsonNode attached = a.body().path("attached"); // the ids attached
        int count = attached.isArray() ? attached.size() : attached.asInt();
        return WebReply.seeOther(visit.base() + IncidentConsole.PATH + "/" + path.group(2) + "?done=attached&attached="
            + count + "&refused=" + a.body().path("refused").size() + "#items");
    }

    WebReply close(Visit visit, JsonNode brand, Matcher path) {
        String text = visit.request.raw("message");
        ApiClient.Answer a = api.call("POST", incidentPath(visit, path) + "/closure", visit.token(), Map.of("message", text));
        return done(visit, brand, path, a, "closed", Map.of("closingDraft", text));
    }

    private WebReply done(Visit visit, JsonNode brand, Matcher path, ApiClient.Answer a, String what, Map<String, Object> drafts) {
        if (!a.ok()) {
            Map<String, Object> extra = new HashMap<>(drafts);
            extra.put("refusal", firstError(a, visit));
            return staffPage(visit, brand, path, a.status(), extra);
        }
        return WebReply.seeOther(visit.base() + IncidentConsole.PATH + "/" + path.group(2) + "?done=" + what);
    }

    private WebReply staffPage(Visit visit, JsonNode brand, Matcher path, int status, Map<String, Object> extra) {
        Set<String> regions = IncidentConsole.regionsOf(api, visit);
        WebReply no = console.refused(visit, brand, regions);
        if (no != null) {
            return no;
        }
        JsonNode incident = api.optional(incidentPath(visit, path), visit.token());
        if (incident == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>(extra);
        model.put("incident", Models.plain(incident, visit));
        // read by staff (a region's managers without a store role are not: their page goes without the list)
        JsonNode items = api.optional(incidentPath(visit, path) + "/items?size=" + ITEMS, visit.token());
        model.put("itemsListed", items != null);
        model.put("items", Models.list(items, visit));
        model.put("itemsTotal", items == null ? 0 : items.path("total").asLong());
        String q = visit.request.param("q");
        boolean search = visit.features().contains("search");
        model.put("searchOn", search);
        model.put("q", q == null ? "" : q);
        if (search && q != null && !q.isBlank()) {
            model.put("results", results(visit, q.strip()));
        }
        String done = visit.request.param("done");
        model.put("done", done != null && done.matches("declared|statement|attached|closed") ? done : "");
        model.put("attached", digits(visit.request.param("attached")));
        model.put("refusedCount", digits(visit.request.param("refused")));
        return render(visit, brand, status, "incident-staff", model);
    }

    /** The questions and complaints a search finds (answers and articles cannot be attached). */
    private List<Map<String, Object>> results(Visit visit, String q) {
        JsonNode found = api.optional(brandPath(visit) + "/search?size=" + SEARCH + "&q="
            + URLEncoder.encode(q.length() > 200 ? q.substring(0, 200) : q, StandardCharsets.UTF_8), visit.token());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : Models.list(found, visit)) {
            if ("question".equals(item.get("type")) || "complaint".equals(item.get("type"))) {
                out.add(item);
            }
        }
        return out;
    }

    private static String incidentPath(Visit visit, Matcher path) {
        return brandPath(visit) + "/incidents/" + path.group(2);
    }

    private static String digits(String s) {
        return s != null && s.matches("[0-9]{1,4}") ? s : "";
    }

    /** "12, 14 /b/demo/complaints/15" as ["12", "14", "15"]: numbers or the pages' addresses, as staff paste them. */
    static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = java.util.regex.Pattern.compile("/(?:questions|complaints)/([0-9]{1,18})").matcher(part);
            out.add(m.find() ? m.group(1) : part);
        }
        return out;
    }

    /** Theme keywords, one per line or separated by commas: a keyword may have several words. */
    static List<String> keywords(String text) {
        return Arrays.stream(text.split("[,\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A date and time of the form ({@code datetime-local}, in UTC as the form says) as the API's instant; what is not
     * one goes as typed, and the API's problem names the field.
     */
    static void putInstant(Map<String, Object> body, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            body.put(name, LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).toString());
        } catch (DateTimeParseException notLocal) {
            body.put(name, value.strip());
        }
    }
}
