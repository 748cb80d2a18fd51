package org.entraide.core.internal.rest;

import org.entraide.api.model.Brand;
import org.entraide.api.model.ComplaintStatus;
import org.entraide.api.model.Role;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.post.ComplaintQueries;
import org.entraide.core.internal.post.ComplaintService;
import org.entraide.core.internal.post.Views;
import org.entraide.core.internal.rest.openapi.Doc;

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
        get("/brands/{brand}/complaints", "complaints.list", Doc.of("List published complaints, newest first")
                .cursorPageOf(Views.ComplaintSummary.class).query("store", "code of a store")
                .query("stores", "codes of stores, comma-separated (at most 200): a region's, as the local managers' "
                    + "GET /regions names them")
                .query("city", "city of the complaints' stores, ignoring case")
                .query("status", "status of the complaint", Doc.names(ComplaintStatus.class))
                .query("since", "first day (yyyy-mm-dd, UTC) the complaints were filed on")
                .query("until", "last day (yyyy-mm-dd, UTC) the complaints were filed on"), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(queries.list(brand, new ComplaintQueries.Filter(r.query("store"), r.query("city"),
                r.query("status"), day(r.query("since"), "since"), day(r.query("until"), "until"), codes(r.query("stores"))),
                r.list()));
        });
        post("/brands/{brand}/complaints", "complaints.create", Doc.of("File a complaint, optionally about a store")
                .body(Requests.Complaint.class).created(Views.ComplaintView.class).bearer().errors(422, 429), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Complaint body = r.body(Requests.Complaint.class);
            limits.check("post", String.valueOf(caller.userId()));
            Views.ComplaintView v = complaints.file(caller, brand, TextRules.clean(body.title(), true),
                TextRules.clean(body.body(), false), body.storeCode(), Boolean.TRUE.equals(body.showPseudonym()));
            return ApiReply.created(location(brand.slug(), "complaints", v.id()), v);
        });
        get("/brands/{brand}/complaints/{id}", "complaints.get", Doc.of("A complaint with its official responses")
                .returns(Views.ComplaintView.class).optionalBearer(), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(complaints.get(r.optionalCaller().orElse(null), brand, r.pathId("id")));
        });
        post("/brands/{brand}/complaints/{id}/responses", "complaints.respond",
            Doc.of("Respond officially to a complaint (its store's managers and the brand's admins)")
                .body(Requests.Body.class).created(Created.class).bearer(Role.STORE_MANAGER, Role.BRAND_ADMIN).errors(422), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Body body = r.body(Requests.Body.class);
            Views.ComplaintView v = complaints.respond(caller, brand, id, TextRules.clean(body.body(), false));
            Views.ResponseView last = v.responses().get(v.responses().size() - 1);
            return ApiReply.created(location(brand.slug(), "complaints", id) + "#response-" + last.id(),
                new Created(last.id(), v));
        });
        post("/brands/{brand}/complaints/{id}/resolution", "complaints.resolve",
            Doc.of("Say whether a responded complaint is resolved, with a rating (the complainant only)")
                .body(Requests.Resolution.class).returns(Views.ComplaintView.class).bearer().errors(409), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Resolution body = r.body(Requests.Resolution.class);
            return ApiReply.ok(complaints.resolve(caller, brand, id, body.resolved(), body.rating(), body.wouldBuyAgain()));
        });
        post("/brands/{brand}/complaints/{id}/reopening", "complaints.reopen",
            Doc.of("Reopen an evaluated complaint within 30 days of the evaluation (the complainant only)")
                .returns(Views.ComplaintView.class).bearer().errors(409), r ->
                ApiReply.ok(complaints.reopen(r.caller(), r.brand(), r.pathId("id"))));
    }

    /** A new response: its id, and the complaint as it now stands. */
    public record Created(long id, Views.ComplaintView complaint) {
    }

    private static java.util.List<String> codes(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[A-Za-z0-9_-]{1,32}(,[A-Za-z0-9_-]{1,32}){0,199}")) {
            throw org.entraide.api.problem.ProblemException.invalid("stores", "1 to 200 store codes, separated by commas");
        }
        return java.util.List.of(text.split(","));
    }

    private static java.time.LocalDate day(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.entraide.api.problem.ProblemException.invalid(field, "a day as yyyy-mm-dd");
        }
    }
}
