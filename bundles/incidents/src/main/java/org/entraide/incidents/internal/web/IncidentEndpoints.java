package org.entraide.incidents.internal.web;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entraide.api.model.Role;
import org.entraide.api.platform.Stores;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;
import org.entraide.incidents.internal.IncidentService;
import org.entraide.incidents.internal.Theme;
import org.entraide.incidents.internal.detect.Proposals;
import org.entraide.incidents.internal.store.Incident;
import org.entraide.incidents.internal.store.IncidentStore;
import org.entraide.incidents.internal.store.Items;

/**
 * The handlers of the incidents' endpoints. Everyone reads incidents and their statements (the public page); their
 * items are staff's; brand admins declare, change, attach, publish and close. Ids are looked up inside the URL's
 * brand: another brand's is a 404.
 */
public final class IncidentEndpoints {
    private final Transactions tx;
    private final Clock clock;
    private final Stores stores;
    private final IncidentStore incidents;
    private final Items items;
    private final IncidentViews views;
    private final IncidentService service;
    private final boolean statementAnswers;
    private final Proposals proposals;
    private final Deciders deciders;

    public IncidentEndpoints(Transactions tx, Clock clock, Stores stores, IncidentStore incidents, Items items,
                             IncidentViews views, IncidentService service, boolean statementAnswers, Proposals proposals,
                             java.util.function.Supplier<org.entraide.api.localmanagers.Regions> regions) {
        this.proposals = proposals;
        this.deciders = new Deciders(regions);
        this.statementAnswers = statementAnswers;
        this.tx = tx;
        this.clock = clock;
        this.stores = stores;
        this.incidents = incidents;
        this.items = items;
        this.views = views;
        this.service = service;
    }

    public ApiResult list(ApiCall call) {
        Paging paging = Paging.of(call);
        String status = status(call.query("status"));
        if (call.query("post") != null || call.query("store") != null) {
            return ApiResult.ok(tx.inTransaction(c -> paging.slice(pinned(c, call, status))));
        }
        return ApiResult.ok(tx.inTransaction(c -> {
            List<Object> page = new ArrayList<>();
            for (Incident i : incidents.page(c, call.brand().id(), status, paging.offset(), paging.size())) {
                page.add(views.summary(c, i));
            }
            return paging.answer(page, incidents.count(c, call.brand().id(), status));
        }));
    }

    /**
     * The incidents a page pins: {@code ?post=} the one a question or complaint is attached to, {@code ?store=} those
     * affecting a store (named, in one of its regions, or the whole brand's), with {@code status} as for the list.
     */
    private List<Object> pinned(Connection c, ApiCall call, String status) {
        long brandId = call.brand().id();
        List<Object> out = new ArrayList<>();
        if (call.query("post") != null) {
            long postId = longQuery(call, "post");
            items.incidentOf(c, brandId, postId).flatMap(id -> incidents.find(c, brandId, id))
                .filter(i -> "ALL".equals(status) || i.status().name().equals(status)).ifPresent(i -> out.add(views.summary(c, i)));
            return out;
        }
        var store = stores.byCode(c, brandId, call.query("store")).orElseThrow(() -> ProblemException.notFound("no store " + call.query("store")));
        String region = deciders.regionOf(c, brandId, store.id());
        for (Incident i : "CLOSED".equals(status) ? List.<Incident>of() : incidents.open(c, brandId)) {
            if (i.affects(store.id(), region)) {
                out.add(views.summary(c, i));
            }
        }
        return out;
    }

    private static long longQuery(ApiCall call, String name) {
        try {
            return Long.parseLong(call.query(name).trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an id");
        }
    }

    /** The rises the detection found, newest first, with their grouped items: the central team's to accept. */
    public ApiResult proposals(ApiCall call) {
        requireAdmin(call.caller());
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> paging.answer(proposals.page(c, call.brand().id(), paging.offset(),
            paging.size()).stream().map(p -> views.proposal(c, p)).toList(), proposals.count(c, call.brand().id()))));
    }

    public ApiResult one(ApiCall call) {
        return ApiResult.ok(tx.inTransaction(c -> views.full(c, find(c, call))));
    }

    public ApiResult statements(ApiCall call) {
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> paging.slice(views.statements(c, find(c, call)))));
    }

    public ApiResult items(ApiCall call) {
        requireStaff(call.caller());
        Paging paging = Paging.of(call);
        return ApiResult.ok(tx.inTransaction(c -> {
            Incident i = find(c, call);
            return paging.answer(items.page(c, i.id(), paging.offset(), paging.size()).stream().map(IncidentViews::item).toList(),
                items.count(c, i.id(), null));
        }));
    }

    public ApiResult declare(ApiCall call) {
        Caller caller = call.caller();
        Bodies.Incident body = call.body(Bodies.Incident.class);
        IncidentStore.Description d = tx.inTransaction(c -> {
            IncidentStore.Description described = describe(c, call.brand().id(), body);
            deciders.require(c, caller, described.regions(), described.storeIds());
            return described;
        });
        Incident created = service.declare(call.brand().id(), d, body.proposalId(), caller.userId());
        return ApiResult.created(location(call, created.id()), tx.inTransaction(c -> views.full(c, created)));
    }

    public ApiResult update(ApiCall call) {
        Caller caller = decider(call);
        Bodies.Incident body = call.body(Bodies.Incident.class);
        if (body.proposalId() != null) {
            throw ProblemException.invalid("proposalId", "is given when an incident is declared only");
        }
        long id = call.pathId("id");
        IncidentStore.Description d = tx.inTransaction(c -> {
            IncidentStore.Description described = describe(c, call.brand().id(), body);
            deciders.require(c, caller, described.regions(), described.storeIds());
            return described;
        });
        Incident changed = service.update(call.brand().id(), id, d, caller.userId());
        return ApiResult.ok(tx.inTransaction(c -> views.full(c, changed)));
    }

    public ApiResult publish(ApiCall call) {
        Caller caller = decider(call);
        Bodies.Statement body = call.body(Bodies.Statement.class);
        var s = service.publish(call.brand().id(), call.pathId("id"), body.body(), caller);
        return ApiResult.created(location(call, call.pathId("id")) + "/statements", IncidentViews.statement(s));
    }

    public ApiResult attach(ApiCall call) {
        Caller caller = decider(call);
        Bodies.Items body = call.body(Bodies.Items.class);
        IncidentService.Attached done = service.attach(call.brand().id(), call.pathId("id"), body.postIds(), caller.userId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attached", done.attached());
        out.put("refused", done.refused().stream().map(r -> Map.of("postId", r.postId(), "reason", r.reason())).toList());
        return ApiResult.ok(out);
    }

    public ApiResult close(ApiCall call) {
        Caller caller = decider(call);
        Bodies.Closure body = call.body(Bodies.Closure.class);
        Incident closed = service.close(call.brand().id(), call.pathId("id"), body.message(), caller);
        return ApiResult.ok(tx.inTransaction(c -> views.full(c, closed)));
    }

    private IncidentStore.Description describe(Connection c, long brandId, Bodies.Incident body) {
        List<Long> storeIds = new ArrayList<>();
        for (String code : body.stores() == null ? List.<String>of() : body.stores()) {
            storeIds.add(stores.byCode(c, brandId, code).orElseThrow(() -> ProblemException.notFound("no store " + code)).id());
        }
        List<String> theme = body.theme().stream().map(Theme::normalize).filter(k -> !k.isEmpty()).distinct().toList();
        if (theme.isEmpty()) {
            throw ProblemException.invalid("theme", "needs at least one keyword with a letter or a digit");
        }
        Instant starts = body.startsAt() == null ? clock.instant() : body.startsAt();
        if (body.endsAt() != null && !body.endsAt().isAfter(starts)) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        List<String> regions = body.regions() == null ? List.of() : body.regions().stream().distinct().toList();
        return new IncidentStore.Description(body.title(), theme, storeIds.stream().distinct().toList(), regions, starts,
            body.endsAt(), body.statementAnswers() == null ? statementAnswers : body.statementAnswers());
    }

    /** The caller, when they may handle the incident of the path (read first: an unknown one is a 404). */
    private Caller decider(ApiCall call) {
        Caller caller = call.caller();
        tx.inTransaction(c -> {
            Incident i = find(c, call);
            deciders.require(c, caller, i.regions(), i.storeIds());
            return null;
        });
        return caller;
    }

    private Incident find(Connection c, ApiCall call) {
        return incidents.find(c, call.brand().id(), call.pathId("id"))
            .orElseThrow(() -> ProblemException.notFound("no such incident"));
    }

    private static String status(String raw) {
        String s = raw == null || raw.isBlank() ? "all" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "open", "closed", "all" -> s.toUpperCase(Locale.ROOT);
            default -> throw ProblemException.invalid("status", "must be open, closed or all");
        };
    }

    private static String location(ApiCall call, long id) {
        return "/api/v1/brands/" + call.brand().slug() + "/incidents/" + id;
    }

    private static Caller requireAdmin(Caller caller) {
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only the brand's admins handle incidents");
        }
        return caller;
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw ProblemException.forbidden("only staff read an incident's items");
        }
    }
}
