package org.entraide.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The moderators' console (moderation capability): the review queue with claims and decisions with reason
 * codes, the dry-run tester, the rule sets editor, sanctions, and the audit log as CSV. The API decides who may
 * do what; the console shows its refusals.
 */
final class ModerationConsole extends PageSupport {
    static final List<String> REASONS = List.of("abuse", "spam", "personal-data", "off-topic", "duplicate", "not-about-store", "other");
    private static final ObjectMapper JSON = new ObjectMapper();

    ModerationConsole(ApiClient api, Templates templates) {
        super(api, templates);
    }

    WebReply queue(Visit visit, JsonNode brand, Matcher path) {
        return console(visit, brand, 200, Map.of(), null);
    }

    WebReply claim(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/moderation/queue/" + id + "/claim", visit.token(), null);
        return a.ok() ? WebReply.seeOther(visit.base() + "/moderation#item-" + id) : console(visit, brand, a.status(), Map.of(),
            PostForms.refusal(a, visit));
    }

    WebReply decide(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String decision = visit.request.field("decision");
        String reason = visit.request.field("reasonCode");
        if (!List.of("approve", "reject").contains(decision) || "reject".equals(decision) && !REASONS.contains(reason)) {
            return console(visit, brand, 422, Map.of("reasonCode-" + id, "error.reasonCode"), null);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("reasonCode", reason.isEmpty() ? null : reason);
        if ("approve".equals(decision) && "edit".equals(visit.request.field("mode"))) {
            // edit then approve: the corrected text is checked and published by the API, before and after audited
            if (!visit.request.field("title").isEmpty()) {
                body.put("title", visit.request.field("title"));
            }
            body.put("body", visit.request.raw("body"));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/moderation/queue/" + id + "/decision", visit.token(), body);
        return a.ok() ? WebReply.seeOther(visit.base() + "/moderation?done=" + decision) : console(visit, brand, a.status(), Map.of(),
            PostForms.refusal(a, visit));
    }

    /** Tests a text against the brand's active rule sets, or one rule set, without publishing anything. */
    WebReply dryRun(Visit visit, JsonNode brand, Matcher path) {
        WebRequest r = visit.request;
        Map<String, Object> body = new HashMap<>();
        body.put("title", r.field("title"));
        body.put("body", r.raw("body"));
        body.put("type", List.of("QUESTION", "ANSWER", "COMPLAINT").contains(r.field("type")) ? r.field("type") : "QUESTION");
        Long ruleSet = number(r.field("ruleSetId"));
        if (ruleSet != null) {
            body.put("ruleSetId", ruleSet);
        }
        if (r.raw("body").isBlank()) {
            return console(visit, brand, 422, Map.of("dry-body", "error.body"), null);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/moderation/dry-run", visit.token(), body);
        if (!a.ok()) {
            return console(visit, brand, a.status(), Map.of(), PostForms.refusal(a, visit));
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put("dryRun", Models.plain(a.body(), visit));
        extra.put("dryForm", Map.of("title", r.field("title"), "body", r.raw("body"), "type", body.get("type")));
        return console(visit, brand, 200, Map.of(), null, extra);
    }

    WebReply sanction(Visit visit, JsonNode brand, Matcher path) {
        WebRequest r = visit.request;
        Long user = number(r.field("userId"));
        Long hours = number(r.field("hours"));
        Map<String, String> errors = new HashMap<>();
        if (user == null) {
            errors.put("userId", "error.userId");
        }
        if (!List.of("WARNING", "SILENCE", "SUSPENSION").contains(r.field("kind"))) {
            errors.put("kind", "error.kind");
        }
        if (r.field("reason").isEmpty() || r.field("reason").length() > 500) {
            errors.put("sanctionReason", "error.reason");
        }
        if (!errors.isEmpty()) {
            return console(visit, brand, 422, errors, null);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("userId", user);
        body.put("kind", r.field("kind"));
        body.put("reason", r.field("reason"));
        if (hours != null) {
            body.put("hours", hours);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/moderation/sanctions", visit.token(), body);
        return a.ok() ? WebReply.seeOther(visit.base() + "/moderation?done=sanctioned")
            : console(visit, brand, a.status(), PostForms.fieldErrors(a), PostForms.refusal(a, visit));
    }

    /** Overturn or uphold an appeal, with a reason; the API refuses the moderator who took the decision. */
    WebReply decideAppeal(Visit visit, JsonNode brand, Matcher path) {
        long id = Long.parseLong(path.group(2));
        String outcome = visit.request.field("outcome");
        String reason = visit.request.field("reason");
        if (!List.of("overturn", "uphold").contains(outcome) || reason.isEmpty() || reason.length() > 500) {
            return console(visit, brand, 422, Map.of("appeal-" + id, "error.appeal"), null);
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/moderation/appeals/" + id + "/decision", visit.token(),
            Map.of("outcome", outcome, "reason", reason));
        return a.ok() ? WebReply.seeOther(visit.base() + "/moderation?done=appeal")
            : console(visit, brand, a.status(), Map.of(), PostForms.refusal(a, visit));
    }

    /** A member's own rejected posts and sanctions of the last 14 days, each with its appeal form. */
    WebReply mine(Visit visit, JsonNode brand, Matcher path) {
        return minePage(visit, brand, 200, Map.of());
    }

    /** A member appeals a decision about them, once, with a statement; another moderator decides. */
    WebReply appeal(Visit visit, JsonNode brand, Matcher path) {
        String subject = visit.request.field("subject");
        Long id = number(visit.request.field("id"));
        String statement = visit.request.field("statement");
        String field = "statement-" + subject + "-" + id;
        if (!List.of("ITEM", "SANCTION").contains(subject) || id == null) {
            return message(visit, brand, 400, "form.invalid");
        }
        if (statement.isEmpty() || statement.length() > 2000) {
            return minePage(visit, brand, 422, Map.of(field, "error.statement"));
        }
        ApiClient.Answer a = api.call("POST", brandPath(visit) + "/moderation/appeals", visit.token(),
            Map.of("subject", subject, "id", id, "statement", statement));
        if (!a.ok()) {
            return minePage(visit, brand, a.status(), Map.of(field, PostForms.refusal(a, visit)));
        }
        return WebReply.seeOther(visit.base() + "/me/moderation?done=appealed");
    }

    private WebReply minePage(Visit visit, JsonNode brand, int status, Map<String, String> errors) {
        JsonNode mine = api.optional(brandPath(visit) + "/moderation/mine", visit.token());
        if (mine == null) {
            return notFound(visit);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rejections", Models.list(mine.path("rejections"), visit));
        model.put("sanctions", Models.list(mine.path("sanctions"), visit));
        model.put("errors", errors);
        model.put("done", "appealed".equals(visit.request.param("done")) ? "appealed" : "");
        return render(visit, brand, status, "my-moderation", model);
    }

    WebReply ruleSets(Visit visit, JsonNode brand, Matcher path) {
        return ruleSetsPage(visit, brand, 200, Map.of(), null, Map.of());
    }

    /** A rule set as JSON: a new version of an existing one, or a new one. */
    WebReply saveRuleSet(Visit visit, JsonNode brand, Matcher path) {
        Long id = number(visit.request.field("id"));
        String text = visit.request.raw("definition");
        JsonNode definition = jsonObject(text);
        String key = id == null ? "new" : String.valueOf(id);
        if (definition == null) {
            return ruleSetsPage(visit, brand, 422, Map.of("definition-" + key, "error.json"), null, Map.of(key, text));
        }
        ApiClient.Answer a = id == null
            ? api.call("POST", brandPath(visit) + "/moderation/rulesets", visit.token(), definition)
            : api.call("PUT", brandPath(visit) + "/moderation/rulesets/" + id, visit.token(), definition);
        if (!a.ok()) {
            return ruleSetsPage(visit, brand, a.status(), Map.of("definition-" + key, firstError(a, visit)), null, Map.of(key, text));
        }
        return WebReply.seeOther(visit.base() + "/moderation/rulesets?done=saved");
    }

    /** The audit log as the API exports it, for a spreadsheet. */
    WebReply auditCsv(Visit visit, JsonNode brand, Matcher path) {
        ApiClient.Text csv = api.text(brandPath(visit) + "/moderation/audit?format=csv", visit.token());
        if (csv.status() != 200) {
            return message(visit, brand, csv.status(), "moderation.forbidden");
        }
        return WebReply.of(new Page(200, csv.body(), "text/csv; charset=utf-8"))
            .header("Content-Disposition", "attachment; filename=\"moderation-audit-" + visit.slug + ".csv\"");
    }

    private WebReply ruleSetsPage(Visit visit, JsonNode brand, int status, Map<String, String> errors, String refusal,
                                  Map<String, String> drafts) {
        JsonNode sets = api.optional(brandPath(visit) + "/moderation/rulesets", visit.token());
        if (sets == null) {
            return message(visit, brand, 403, "moderation.forbidden");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode s : sets.path("items")) {
            Map<String, Object> m = Models.plain(s, visit);
            String key = String.valueOf(s.path("id").asLong());
            try {
                m.put("json", drafts.containsKey(key) ? drafts.get(key)
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s.path("ruleSet")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            list.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("ruleSets", list);
        model.put("newJson", drafts.getOrDefault("new", ""));
        model.put("errors", errors);
        model.put("done", visit.request.param("done") == null ? "" : "saved");
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "moderation-rulesets", model);
    }

    private WebReply console(Visit visit, JsonNode brand, int status, Map<String, String> errors, String refusal) {
        return console(visit, brand, status, errors, refusal, Map.of());
    }

    private WebReply console(Visit visit, JsonNode brand, int status, Map<String, String> errors, String refusal,
                             Map<String, Object> extra) {
        JsonNode open = api.optional(brandPath(visit) + "/moderation/queue?status=OPEN", visit.token());
        if (open == null) {
            return message(visit, brand, 403, "moderation.forbidden");
        }
        JsonNode claimed = api.optional(brandPath(visit) + "/moderation/queue?status=CLAIMED", visit.token());
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode list : new JsonNode[] {claimed, open}) {
            for (JsonNode item : list == null ? JSON.createArrayNode() : list.path("items")) {
                Map<String, Object> m = Models.plain(item, visit);
                m.put("post", post(visit, m));
                m.put("mine", visit.member() != null && item.path("claimedBy").asLong(-1) == visit.member().id());
                items.add(m);
            }
        }
        Map<String, Object> model = new HashMap<>(extra);
        model.put("items", items);
        model.put("appeals", Models.list(api.optional(brandPath(visit) + "/moderation/appeals?status=OPEN", visit.token()), visit));
        // comments the submission pipeline held: the core keeps them, moderators publish or hide them here
        model.put("heldComments", Models.list(api.optional(brandPath(visit) + "/comments?publication=PENDING_REVIEW&size=50",
            visit.token()), visit));
        model.put("reasons", REASONS);
        model.put("errors", errors);
        model.putIfAbsent("dryForm", Map.of("title", "", "body", "", "type", "QUESTION"));
        String done = visit.request.param("done");
        model.put("done", done != null && done.matches("approve|reject|sanctioned|appeal") ? done : "");
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return render(visit, brand, status, "moderation", model);
    }

    /**
     * What a queued post says, as the queue gives it for every type of post: its own title (an answer's is its
     * question's, shown as context), text, author, why it waits (in the reader's language) and the link to its page.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(Visit visit, Map<String, Object> item) {
        Map<String, Object> out = new HashMap<>();
        // a reported private message is no post: its id is the message's, it has no page and is never corrected
        boolean message = "MESSAGE".equals(item.get("source"));
        out.put("id", message ? item.get("messageId") : item.get("postId"));
        out.put("editable", !message);
        out.put("type", item.getOrDefault("type", ""));
        if (item.get("title") != null) {
            out.put("title", item.get("title"));
        }
        out.put("heading", item.get("title") != null ? item.get("title") : item.getOrDefault("parentTitle", ""));
        if (item.get("text") != null) {
            out.put("body", item.get("text"));
        }
        Object link = item.get("link");
        out.put("link", link != null ? link : message ? "#item-" + item.get("id") : visit.base());
        out.put("author", item.getOrDefault("author", Map.of("anonymous", true)));
        String language = visit.locale.getLanguage().equals("fr") ? "fr" : "en";
        List<String> why = new ArrayList<>();
        for (Object rule : (List<Object>) item.getOrDefault("rules", List.of())) {
            Map<String, Object> r = (Map<String, Object>) rule;
            why.add(r.get("rule") + (r.get(language) == null ? "" : " — " + r.get(language)));
        }
        out.put("why", why);
        return out;
    }
}
