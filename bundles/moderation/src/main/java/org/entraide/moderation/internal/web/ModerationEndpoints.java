package org.entraide.moderation.internal.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.moderation.internal.rules.Candidate;
import org.entraide.moderation.internal.rules.Engine;
import org.entraide.moderation.internal.rules.RuleSet;
import org.entraide.moderation.internal.store.RuleSets;

/**
 * {@code /brands/{brand}/moderation/rulesets} (moderators and brand admins read and write them, each change a
 * new version) and {@code /brands/{brand}/moderation/dry-run} (a text against the active rule sets, or one rule
 * set, as it would be decided and published).
 */
public final class ModerationEndpoints {
    private static final Set<String> TYPES = Set.of("QUESTION", "ANSWER", "COMPLAINT", "RESPONSE");

    private final Transactions tx;
    private final RuleSets ruleSets;
    private final Engine engine;
    private final Clock clock;
    private final org.entraide.moderation.internal.store.Audit audit;

    public ModerationEndpoints(Transactions tx, RuleSets ruleSets, Engine engine, org.entraide.moderation.internal.store.Audit audit,
                               Clock clock) {
        this.audit = audit;
        this.tx = tx;
        this.ruleSets = ruleSets;
        this.engine = engine;
        this.clock = clock;
    }

    ApiResult list(ApiCall call) {
        moderator(call);
        Paging paging = Paging.of(call);
        return ApiResult.ok(paging.slice(tx.inTransaction(c -> ruleSets.of(c, call.brand().id(), clock.instant()))));
    }

    ApiResult one(ApiCall call) {
        moderator(call);
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> ruleSets.find(c, call.brand().id(), id, clock.instant())
            .orElseThrow(() -> ProblemException.notFound("no rule set " + id))));
    }

    ApiResult create(ApiCall call) {
        Caller caller = moderator(call);
        RuleSet set = RuleSets.parseRequest(object(call));
        RuleSets.Stored s = tx.inTransaction(c -> {
            RuleSets.Stored created = ruleSets.create(c, call.brand().id(), set, caller.userId(), clock.instant());
            audit.record(c, call.brand().id(), caller.userId(), "RULESET", null, set.name() + " v1", null, null, clock.instant());
            return created;
        });
        return ApiResult.created("/api/v1/brands/" + call.brand().slug() + "/moderation/rulesets/" + s.id(), s);
    }

    ApiResult update(ApiCall call) {
        Caller caller = moderator(call);
        RuleSet set = RuleSets.parseRequest(object(call));
        long id = call.pathId("id");
        return ApiResult.ok(tx.inTransaction(c -> {
            RuleSets.Stored updated = ruleSets.update(c, call.brand().id(), id, set, caller.userId(), clock.instant());
            audit.record(c, call.brand().id(), caller.userId(), "RULESET", null, set.name() + " v" + updated.version(), null,
                null, clock.instant());
            return updated;
        }));
    }

    ApiResult dryRun(ApiCall call) {
        moderator(call);
        Bodies.DryRun body = call.body(Bodies.DryRun.class);
        String type = body.type() == null ? "QUESTION" : body.type();
        if (!TYPES.contains(type)) {
            throw ProblemException.invalid("type", "one of " + TYPES);
        }
        String title = body.title();
        String text = body.body();
        Long only = body.ruleSetId();
        List<RuleSet> sets = tx.inTransaction(c -> ruleSets.of(c, call.brand().id(), clock.instant())).stream()
            .filter(s -> only == null || s.id() == only)
            // a rule set named in the request is tested even when inactive
            .map(s -> only == null ? s.ruleSet() : new RuleSet(s.ruleSet().name(), s.ruleSet().description(), true,
                s.ruleSet().rules()))
            .toList();
        if (only != null && sets.isEmpty()) {
            throw ProblemException.notFound("no rule set " + only);
        }
        var v = engine.apply(sets, Candidate.text(type, title, text));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", v.decision());
        out.put("title", v.title());
        out.put("text", v.body());
        out.put("fired", v.fired().stream().map(f -> Map.of("ruleSet", f.ruleSet(), "rule", f.rule(),
            "action", f.action().name(), "reason", f.reason(), "match", f.match())).toList());
        out.put("flagged", v.flagged());
        out.put("tags", v.tags());
        return ApiResult.ok(out);
    }

    private static JsonNode object(ApiCall call) {
        JsonNode body = call.body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("send a JSON object");
        }
        return body;
    }

    private static Caller moderator(ApiCall call) {
        Caller caller = call.caller();
        if (caller.brandId() != call.brand().id() || !(caller.has(Role.MODERATOR) || caller.has(Role.BRAND_ADMIN))) {
            throw ProblemException.forbidden("moderators and brand admins of " + call.brand().slug() + " only");
        }
        return caller;
    }
}
