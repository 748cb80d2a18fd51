package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The store manager's console (local managers' capability): the inbox of assigned complaints, soonest deadline
 * first, and a workspace per complaint to answer publicly, ask the complainant for details privately, delegate
 * to another store or hand over to the central team; their stores' figures beside the brand's.
 */
final class ManagerConsole extends PageSupport {
    ManagerConsole(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply inbox(Visit visit, JsonNode brand, Matcher path) {
        JsonNode me = api.optional(brandPath(visit) + "/managers/me", visit.token());
        if (me == null || me.path("stores").isEmpty() && me.path("regions").isEmpty()) {
            return message(visit, brand, 403, "manager.none");
        }
        JsonNode inbox = api.get(brandPath(visit) + "/managers/me/complaints", visit.token());
        List<Map<String, Object>> items = Models.list(inbox, visit);
        for (Map<String, Object> item : items) {
            if (item.get("openingMinutesLeft") instanceof Number left) {
                item.put("leftText", duration(left.longValue(), visit));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        List<String> stores = new ArrayList<>();
        me.path("stores").forEach(s -> stores.add(s.asText()));
        model.put("stores", stores);
        model.put("figures", figures(visit, me));
        model.put("incidentsLink", !me.path("regions").isEmpty() && visit.features().contains(IncidentConsole.CAPABILITY));
        String done = visit.request.param("done");
        model.put("done", done != null && done.matches("delegated|handedOver|absence") ? done : "");
        return render(visit, brand, 200, "manager-inbox", model);
    }

    /** The manager's stores and the brand over 30 days, as the public ranking computes them. */
    private Map<String, Object> figures(Visit visit, JsonNode me) {
        Map<String, Object> out = new HashMap<>();
        JsonNode stores = api.optional(brandPath(visit) + "/rankings/stores?period=30d", null);
        JsonNode whole = api.optional(brandPath(visit) + "/rankings/brand?period=30d", null);
        List<String> mine = new ArrayList<>();
        me.path("stores").forEach(s -> mine.add(s.asText()));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (stores != null) {
            for (JsonNode s : stores.path("items")) {
                if (mine.contains(s.path("storeCode").asText())) {
                    rows.add(Models.plain(s, visit));
                }
            }
        }
        out.put("stores", rows);
        if (whole != null) {
            out.put("brand", Models.plain(whole.path("brand"), visit));
        }
        return out;
    }

    WebReply complaint(Visit visit, JsonNode brand, Matcher path) {
        return workspace(visit, brand, Long.parseLong(path.group(2)), 200, Map.of(), null);
    }

    /** An official public response, through the core's complaint API. */
    WebReply respond(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String text = visit.request.raw("body");
        Map<String, String> errors = new HashMap<>();
        PostForms.checkBody(text, errors);
        return act(visit, brand, id, errors, "/responses", Map.of("body", text), "/manager/complaints/" + id + "?done=responded");
    }

    /** A private message to the complainant (asking for details): never public. */
    WebReply ask(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String text = visit.request.field("message");
        Map<String, String> errors = text.isEmpty() || text.length() > 2000 ? Map.of("message", "error.message") : Map.of();
        return act(visit, brand, id, errors, "/messages", Map.of("body", text), "/manager/complaints/" + id + "?done=asked");
    }

    WebReply delegate(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String store = visit.request.field("storeCode");
        String reason = visit.request.field("reason");
        Map<String, String> errors = new HashMap<>();
        if (!store.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.put("storeCode", "error.store");
        }
        if (reason.isEmpty() || reason.length() > 500) {
            errors.put("reason", "error.reason");
        }
        return act(visit, brand, id, errors, "/delegation", Map.of("storeCode", store, "reason", reason), "/manager?done=delegated");
    }

    WebReply handOver(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String reason = visit.request.field("reason");
        Map<String, String> errors = reason.isEmpty() || reason.length() > 500 ? Map.of("handoverReason", "error.reason") : Map.of();
        return act(visit, brand, id, errors, "/handover", Map.of("reason", reason), "/manager?done=handedOver");
    }

    /** The complainant's e-mail address, for the assigned manager only; every reading is logged by the API. */
    WebReply revealIdentity(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        JsonNode who = api.optional(brandPath(visit) + "/complaints/" + id + "/complainant", visit.token());
        if (who == null) {
            return workspace(visit, brand, id, 403, Map.of(), null);
        }
        return workspace(visit, brand, id, 200, Map.of(), null, who.path("email").asText());
    }

    /** A store manager cannot delete a complaint; they ask the moderators, with a category. */
    WebReply requestModeration(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String category = visit.request.field("category");
        String detail = visit.request.field("detail");
        Map<String, String> errors = List.of("inappropriate", "not-about-store", "duplicate", "personal-data").contains(category)
            && detail.length() <= 500 ? Map.of() : Map.of("category", "error.category");
        return act(visit, brand, id, errors, "/moderation-requests", Map.of("category", category, "detail", detail),
            "/manager/complaints/" + id + "?done=requested");
    }

    /** An absence of the manager: their complaints go to a backup meanwhile (days, in UTC). */
    WebReply absence(Visit visit, JsonNode brand, Matcher path) {
        String from = visit.request.field("from");
        String to = visit.request.field("to");
        if (!from.matches("\\d{4}-\\d{2}-\\d{2}") || !to.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return message(visit, brand, 422, "error.dates");
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/managers/absences", visit.token(),
            Map.of("from", from + "T00:00:00Z", "to", java.time.LocalDate.parse(to).plusDays(1) + "T00:00:00Z"));
        if (!a.ok()) {
            return render(visit, brand, a.status(), "message", Map.of("messageKey", "manager.absenceRefused",
                "detail", PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/manager?done=absence");
    }

    /** The assigned manager reports a message of the customer to the moderators, with a reason. */
    WebReply reportMessage(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        long message = Long.parseLong(path.group(3));
        MessageReporting.Outcome o = MessageReporting.report(api, visit, brandPath(visit), id, message);
        if (o.refusedKey() != null) {
            return workspace(visit, brand, id, o.status(), Map.of(), null, null,
                Map.of("reportError", o.refusedKey(), "reportedMessage", message));
        }
        return WebReply.seeOther(visit.base() + "/manager/complaints/" + id + "?reported=" + message + "#private-h");
    }

    /** Posts to the complaint's {@code action} unless the form has errors; then back to the workspace or {@code next}. */
    private WebReply act(Visit visit, JsonNode brand, long id, Map<String, String> errors, String action, Map<String, ?> body,
                         String next) {
        if (!errors.isEmpty()) {
            return workspace(visit, brand, id, 422, errors, null);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/complaints/" + id + action, visit.token(), body);
        return a.ok() ? WebReply.seeOther(visit.base() + next)
            : workspace(visit, brand, id, a.status(), PostForms.fieldErrors(a), PostForms.refusal(a, visit));
    }

    private WebReply workspace(Visit visit, JsonNode brand, long id, int status, Map<String, String> errors, String refusal) {
        return workspace(visit, brand, id, status, errors, refusal, null);
    }

    private WebReply workspace(Visit visit, JsonNode brand, long id, int status, Map<String, String> errors, String refusal,
                               String email) {
        return workspace(visit, brand, id, status, errors, refusal, email, Map.of());
    }

    private WebReply workspace(Visit visit, JsonNode brand, long id, int status, Map<String, String> errors, String refusal,
                               String email, Map<String, Object> extra) {
        JsonNode complaint = api.get(brandPath(visit) + "/complaints/" + id, visit.token());
        if (complaint == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("complaint", Models.plain(complaint, visit));
        JsonNode messages = api.optional(brandPath(visit) + "/complaints/" + id + "/messages", visit.token());
        model.put("messages", Models.list(messages, visit));
        // the thread is shown to its parties on the store's side (the assigned manager, the region's managers, the central
        // team once the complaint reached it); the assigned manager's tools to the assigned manager only
        model.put("thread", messages != null);
        model.put("assigned", messages != null && "assigned".equals(messages.path("party").asText()));
        JsonNode timeline = api.optional(brandPath(visit) + "/complaints/" + id + "/timeline", visit.token());
        model.put("timeline", ComplaintPages.steps(timeline, visit));
        // its pictures (channels), which the API shows the store's managers as it does on the complaint's page
        ComplaintAttachments.show(api, visit, id, model);
        model.put("errors", errors);
        model.put("email", email == null ? "" : email);
        model.put("moderationRequests", visit.features().contains("moderation"));
        model.put("done", visit.request.param("done") == null ? "" : visit.request.param("done").replaceAll("[^A-Za-z]", ""));
        model.put("reported", MessageReporting.confirmed(visit));
        model.putAll(extra);
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "manager-complaint", model);
    }

    /** Opening time left, as "3 h 20 min" (negative: late). */
    static String duration(long minutes, Visit visit) {
        long m = Math.abs(minutes);
        String text = (m >= 60 ? m / 60 + " h " : "") + m % 60 + " min";
        return minutes < 0 ? "-" + text : text;
    }
}
