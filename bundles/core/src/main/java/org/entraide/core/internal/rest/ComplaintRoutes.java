package org.entraide.core.internal.rest;

import org.entraide.api.model.Brand;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.post.ComplaintQueries;
import org.entraide.core.internal.post.ComplaintService;
import org.entraide.core.internal.post.Views;

/** Complaints, official responses and the complainant's verdict. */
public final class ComplaintRoutes extends ApiRoutes {
    private final ComplaintService complaints;
    private final ComplaintQueries queries;
    private final RateLimits limits;

    public ComplaintRoutes(ApiDispatcher dispatcher, ComplaintService complaints, ComplaintQueries queries, RateLimits limits) {
        super(dispatcher);
        this.complaints = complaints;
        this.queries = queries;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/complaints", "complaints.list", r -> {
            Brand brand = r.brand();
            return ApiReply.ok(queries.list(brand, r.query("store"), r.query("status"), r.page()));
        });
        post("/brands/{brand}/complaints", "complaints.create", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Complaint body = r.body(Requests.Complaint.class);
            limits.check("post", String.valueOf(caller.userId()));
            Views.ComplaintView v = complaints.file(caller, brand, TextRules.clean(body.title(), true),
                TextRules.clean(body.body(), false), body.storeCode(), Boolean.TRUE.equals(body.showPseudonym()));
            return ApiReply.created(location(brand.slug(), "complaints", v.id()), v);
        });
        get("/brands/{brand}/complaints/{id}", "complaints.get", r -> {
            Brand brand = r.brand();
            return ApiReply.ok(complaints.get(r.optionalCaller().orElse(null), brand, r.pathId("id")));
        });
        post("/brands/{brand}/complaints/{id}/responses", "complaints.respond", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Body body = r.body(Requests.Body.class);
            Views.ComplaintView v = complaints.respond(caller, brand, id, TextRules.clean(body.body(), false));
            Views.ResponseView last = v.responses().get(v.responses().size() - 1);
            return ApiReply.created(location(brand.slug(), "complaints", id) + "#response-" + last.id(),
                new Created(last.id(), v));
        });
        post("/brands/{brand}/complaints/{id}/resolution", "complaints.resolve", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Resolution body = r.body(Requests.Resolution.class);
            return ApiReply.ok(complaints.resolve(caller, brand, id, body.resolved(), body.rating(), body.wouldBuyAgain()));
        });
    }

    /** A new response: its id, and the complaint as it now stands. */
    public record Created(long id, Views.ComplaintView complaint) {
    }
}
