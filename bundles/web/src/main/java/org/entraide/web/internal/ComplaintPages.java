package org.entraide.web.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Filing a complaint about a store and following it: its responses, its timeline when the local managers'
 * capability is on, and the complainant's resolution, rating and reopening. The complainant's identity is
 * only ever what the API shows (their pseudonym, when they chose to show it).
 */
final class ComplaintPages extends PageSupport {
    private final DraftForms drafts;

    ComplaintPages(ApiClient api, Templates templates) {
        super(api, templates);
        this.drafts = new DraftForms(api, templates);
    }

    /** The form, with the stores found by city, postal code or name, or near the visitor's coordinates. */
    WebReply form(Visit visit, JsonNode brand, Matcher path) {
        Map<String, String> form = new HashMap<>(Map.of("title", "", "body", "", "storeCode", "", "showPseudonym", ""));
        String store = visit.request.param("store");
        if (store != null && store.matches("[A-Za-z0-9_-]{1,32}")) {
            form.put("storeCode", store);
        }
        Map<String, String> restored = drafts.restore(visit, DraftForms.COMPLAINT, form);
        if (restored != null) {
            if (store != null && !store.isEmpty()) {
                // the store the visitor came from wins over the draft's
                restored.put("storeCode", form.get("storeCode"));
            }
            return formPage(visit, brand, 200, restored, Map.of(), null, false, "draft.restored");
        }
        return formPage(visit, brand, 200, form, Map.of(), null);
    }

    WebReply file(Visit visit, JsonNode brand, Matcher path) {
        WebRequest r = visit.request;
        Map<String, String> form = Map.of("title", r.field("title"), "body", r.raw("body"), "storeCode", r.field("storeCode"),
            "showPseudonym", r.field("showPseudonym"));
        if (DraftForms.saving(visit)) {
            boolean kept = drafts.save(visit, DraftForms.COMPLAINT, form);
            return formPage(visit, brand, kept ? 200 : 422, form, Map.of(), null, false, kept ? "draft.saved" : "draft.refused");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.get("title").length() < PostForms.TITLE_MIN || form.get("title").length() > PostForms.TITLE_MAX) {
            errors.put("title", "error.title");
        }
        PostForms.checkBody(form.get("body"), errors);
        if (!form.get("storeCode").isEmpty() && !form.get("storeCode").matches("[A-Za-z0-9_-]{1,32}")) {
            errors.put("storeCode", "error.store");
        }
        if (!errors.isEmpty()) {
            return formPage(visit, brand, 422, form, errors, null);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("title", form.get("title"));
        body.put("body", form.get("body"));
        body.put("storeCode", form.get("storeCode").isEmpty() ? null : form.get("storeCode"));
        body.put("showPseudonym", "on".equals(form.get("showPseudonym")));
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/complaints", visit.token(), body);
        if (a.status() == 403 && a.body().path("type").asText().endsWith("/email-unverified")) {
            // the text typed is kept: once the address is confirmed, the same form is sent again
            return formPage(visit, brand, 403, form, Map.of(), null, true);
        }
        if (!a.ok()) {
            Map<String, String> apiErrors = PostForms.fieldErrors(a);
            if (a.status() == 404 || apiErrors.containsKey("storeCode")) {
                apiErrors.put("storeCode", "error.store");
            }
            return formPage(visit, brand, a.status(), form, apiErrors, apiErrors.isEmpty() ? PostForms.refusal(a, visit) : null);
        }
        drafts.drop(visit, DraftForms.COMPLAINT);
        long id = a.body().path("id").asLong();
        // the complaint is filed first: a picture the API refuses is reported on its page, and loses nothing of it
        String refused = ComplaintAttachments.sendAll(api, visit, id, r.files());
        return WebReply.seeOther(visit.base() + "/complaints/" + id
            + (refused.isEmpty() ? "" : "?" + ComplaintAttachments.REFUSED_PARAM + "=" + Site.urlEncode(refused) + "#refused-files"));
    }

    WebReply page(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        return complaintPage(visit, brand, id, 200, Map.of(), null);
    }

    /** Resolved or not, a rating from 0 to 10, and whether they would buy again: the complainant's evaluation. */
    WebReply resolve(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        WebRequest r = visit.request;
        Long rating = number(r.field("rating"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!List.of("yes", "no").contains(r.field("resolved"))) {
            errors.put("resolved", "error.resolved");
        }
        if (rating == null || rating < 0 || rating > 10) {
            errors.put("rating", "error.rating");
        }
        if (!List.of("yes", "no").contains(r.field("wouldBuyAgain"))) {
            errors.put("wouldBuyAgain", "error.buyAgain");
        }
        if (!errors.isEmpty()) {
            return complaintPage(visit, brand, id, 422, errors, null);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/complaints/" + id + "/resolution", visit.token(),
            Map.of("resolved", "yes".equals(r.field("resolved")), "rating", rating,
                "wouldBuyAgain", "yes".equals(r.field("wouldBuyAgain"))));
        if (!a.ok()) {
            return complaintPage(visit, brand, id, a.status(), PostForms.fieldErrors(a), PostForms.refusal(a, visit));
        }
        return WebReply.seeOther(visit.base() + "/complaints/" + id);
    }

    WebReply reopen(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/complaints/" + id + "/reopening", visit.token(), null);
        if (!a.ok()) {
            return complaintPage(visit, brand, id, a.status(), Map.of(), PostForms.refusal(a, visit));
        }
        return WebReply.seeOther(visit.base() + "/complaints/" + id);
    }

    /** The complainant answers the store's private question. */
    WebReply reply(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String text = visit.request.field("message");
        if (text.isEmpty() || text.length() > 2000) {
            return complaintPage(visit, brand, id, 422, Map.of("message", "error.message"), null);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/complaints/" + id + "/messages", visit.token(), Map.of("body", text));
        if (!a.ok()) {
            return complaintPage(visit, brand, id, a.status(), Map.of(), PostForms.refusal(a, visit));
        }
        return WebReply.seeOther(visit.base() + "/complaints/" + id + "#messages-h");
    }

    /** The complainant reports a message of the store to the moderators, with a reason. */
    WebReply reportMessage(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        long message = Long.parseLong(path.group(3));
        MessageReporting.Outcome o = MessageReporting.report(api, visit, brandPath(visit), id, message);
        if (o.refusedKey() != null) {
            Map<String, Object> extra = Map.of("reportError", o.refusedKey(), "reportedMessage", message);
            return complaintPage(visit, brand, id, o.status(), Map.of(), null, extra);
        }
        return WebReply.seeOther(visit.base() + "/complaints/" + id + "?reported=" + message + "#messages-h");
    }

    private WebReply complaintPage(Visit visit, JsonNode brand, long id, int status, Map<String, String> errors, String refusal) {
        return complaintPage(visit, brand, id, status, errors, refusal, Map.of());
    }

    private WebReply complaintPage(Visit visit, JsonNode brand, long id, int status, Map<String, String> errors, String refusal,
                                   Map<String, Object> extra) {
        JsonNode complaint = api.get(brandPath(visit) + "/complaints/" + id, visit.token());
        if (complaint == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> c = Models.plain(complaint, visit);
        String lang = visit.locale.getLanguage();
        List<Map<String, Object>> responses = Models.list(complaint.path("responses"), visit);
        for (Map<String, Object> response : responses) {
            if (response.get("label") instanceof Map<?, ?> label) {
                response.put("labelText", label.get(lang) != null ? label.get(lang) : label.get("en"));
            }
        }
        c.put("responses", responses);
        if (complaint.path("editedAt").isTextual()) {
            c.put("editedAgo", ContentPages.ago(java.time.Instant.parse(complaint.path("editedAt").asText()), java.time.Instant.now()));
        }
        model.put("complaint", c);
        model.put("canonical", visit.base() + "/complaints/" + id);
        model.put("incidents", IncidentPages.pinned(api, visit, "post=" + id));
        NotificationPages.viewing(api, visit, "complaint", id);
        JsonNode timeline = api.optional(brandPath(visit) + "/complaints/" + id + "/timeline", visit.token());
        if (timeline != null) {
            model.put("timeline", steps(timeline, visit));
            if (timeline.path("deadline").isObject()) {
                model.put("deadline", Models.plain(timeline.path("deadline"), visit));
            }
        }
        String state = complaint.path("status").asText();
        boolean mine = complaint.path("mine").asBoolean(false);
        if (mine) {
            // the store's private questions and the complainant's answers (local managers), never public
            JsonNode messages = api.optional(brandPath(visit) + "/complaints/" + id + "/messages", visit.token());
            if (messages != null) {
                model.put("messages", Models.list(messages, visit));
                model.put("reported", MessageReporting.confirmed(visit));
            }
        }
        // pictures attached to it (channels): only for the complainant, the store's managers, the central team and
        // moderators, so only asked for with the visitor's own token; the API answers 404 to anyone else
        JsonNode attachments = ComplaintAttachments.show(api, visit, id, model);
        if (attachments != null) {
            model.put("canAttach", mine && attachments.path("items").size() < attachments.path("maxCount").asInt());
        }
        if (mine) {
            // the pictures of the filing form the API refused, named back to their author
            model.put("refusedFiles", ComplaintAttachments.refusals(visit));
        }
        // the masked address of the contact relay (channels), for the parties the API gives one to: the complainant
        // and the store's managers; anyone else (a 403), a brand without inbound domain (a 404) gets no section
        JsonNode relay = visit.token() == null ? null
            : api.optional(brandPath(visit) + "/complaints/" + id + "/relay", visit.token());
        if (relay != null && relay.path("address").isTextual()) {
            Map<String, Object> r = Models.plain(relay, visit);
            if (relay.path("until").isTextual()) {
                r.put("untilText", Models.date(java.time.Instant.parse(relay.path("until").asText()), visit));
            }
            model.put("relay", r);
        }
        model.putAll(extra);
        model.put("canEvaluate", mine && "ANSWERED".equals(state));
        // the API refuses an edit once the store answered (409); the page only offers what it would accept
        model.put("canChange", mine && responses.isEmpty() && !complaint.path("deleted").asBoolean(false));
        model.put("canReopen", mine && ("RESOLVED".equals(state) || "UNRESOLVED".equals(state)));
        model.put("errors", errors);
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "complaint", model);
    }

    /** The complainant attaches a picture: its bytes go to the API as they came, which checks and redraws them. */
    WebReply attach(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        Uploads.FileField file = visit.request.file();
        if (file == null || file.bytes().length == 0) {
            return complaintPage(visit, brand, id, 422, Map.of("file", "attachment.missing"), null);
        }
        String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
        ApiClient.Answer a = api.post(brandPath(visit) + "/complaints/" + id + "/attachments", visit.token(), type, file.bytes());
        if (a.ok()) {
            return WebReply.seeOther(visit.base() + "/complaints/" + id + "#attachments-h");
        }
        if (a.status() == 404) {
            return notFound(visit);
        }
        return complaintPage(visit, brand, a.status() == 413 || a.status() == 415 ? a.status() : 422, id,
            Map.of("file", "attachment." + ComplaintAttachments.reason(a.status())));
    }

    /** A picture of the complaint, for the visitor the API lets see it; a 404 page for anyone else. */
    WebReply attachment(Visit visit, JsonNode brand, Matcher path) {
        byte[] bytes = api.bytes(brandPath(visit) + "/complaints/" + path.group(2) + "/attachments/" + path.group(3),
            visit.token());
        return bytes == null ? notFound(visit) : WebReply.privateBytes("image/jpeg", bytes);
    }

    private WebReply complaintPage(Visit visit, JsonNode brand, int status, long id, Map<String, String> errors) {
        return complaintPage(visit, brand, id, status, errors, null);
    }

    /** The timeline's steps with their label in the reader's language; empty without the capability. */
    static List<Map<String, Object>> steps(JsonNode timeline, Visit visit) {
        List<Map<String, Object>> steps = Models.list(timeline == null ? null : timeline.path("steps"), visit);
        for (Map<String, Object> step : steps) {
            if (step.get("label") instanceof Map<?, ?> label) {
                Object text = label.get(visit.locale.getLanguage());
                step.put("labelText", text != null ? text : label.get("en"));
            }
        }
        return steps;
    }

    private WebReply formPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors,
                              String refusal) {
        return formPage(visit, brand, status, form, errors, refusal, false);
    }

    private WebReply formPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors,
                              String refusal, boolean unverified) {
        return formPage(visit, brand, status, form, errors, refusal, unverified, null);
    }

    private WebReply formPage(Visit visit, JsonNode brand, int status, Map<String, String> form, Map<String, String> errors,
                              String refusal, boolean unverified, String draftNotice) {
        Map<String, Object> model = new HashMap<>();
        if (draftNotice != null) {
            model.put("draftNotice", draftNotice);
        }
        model.put("unverified", unverified);
        // pictures go with the form when the brand uses channels (the API checks each one once the complaint exists)
        model.put("canAttach", visit.features().contains("channels"));
        model.put("form", form);
        model.put("errors", errors);
        storeSearch(api, visit, model);
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "complaint-form", model);
    }

    /** The stores matching the visit's {@code q} (name, city, code) or near its {@code lat}/{@code lon}, into the model. */
    static void storeSearch(ApiClient api, Visit visit, Map<String, Object> model) {
        String q = visit.request.param("q");
        String lat = visit.request.param("lat");
        String lon = visit.request.param("lon");
        model.put("q", q == null ? "" : q.strip());
        JsonNode found = null;
        if (lat != null && lon != null && lat.matches("-?[0-9]{1,3}(\\.[0-9]{1,8})?") && lon.matches("-?[0-9]{1,3}(\\.[0-9]{1,8})?")) {
            found = api.optional(brandPath(visit) + "/stores/search?lat=" + lat + "&lon=" + lon, visit.token());
            model.put("near", true);
        } else if (q != null && !q.isBlank() && q.length() <= 100) {
            found = api.get(brandPath(visit) + "/stores?size=20&q=" + Site.urlEncode(q.strip()));
        }
        model.put("stores", Models.list(found, visit));
        model.put("searched", found != null);
    }
}
