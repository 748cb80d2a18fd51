package org.entraide.core.internal.rest;

import org.entraide.api.security.Caller;
import org.entraide.core.internal.draft.Drafts;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.rest.openapi.Doc;

/** A member's drafts: what they are writing, kept on the server while they write, for them only. */
public final class DraftRoutes extends ApiRoutes {
    private static final String LIMIT = "draft";

    private final Drafts drafts;
    private final RateLimits limits;

    public DraftRoutes(ApiDispatcher dispatcher, Drafts drafts, RateLimits limits) {
        super(dispatcher);
        this.drafts = drafts;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/me/drafts", "members.drafts", Doc.of("The caller's drafts, latest first (kept 30 days "
                + "after their last change)").itemsOf(Drafts.Draft.class).bearer(),
            r -> ApiReply.ok(new Items<>(drafts.list(r.caller(), r.brand()))));
        get("/brands/{brand}/me/drafts/{key}", "members.drafts.get", Doc.of("One of the caller's drafts, by the form it "
                + "belongs to: question, complaint, answer-<question id>").returns(Drafts.Draft.class).bearer(),
            r -> ApiReply.ok(drafts.get(r.caller(), r.brand(), r.path("key"))));
        put("/brands/{brand}/me/drafts/{key}", "members.drafts.save", Doc.of("Keep what the caller is writing (at most 30 "
                + "drafts; saved while typing, so limited per account)").body(Requests.Draft.class).returns(Drafts.Draft.class)
                .bearer().errors(409, 429),
            r -> {
                Caller caller = r.caller();
                var brand = r.brand();
                limits.check(LIMIT, "user/" + caller.userId());
                Requests.Draft b = r.body(Requests.Draft.class);
                return ApiReply.ok(drafts.save(caller, brand, r.path("key"), b.title(), b.body(), b.fields()));
            });
        delete("/brands/{brand}/me/drafts/{key}", "members.drafts.delete", Doc.of("Drop a draft (the pages do it once the "
                + "post is sent)").noContent().bearer(),
            r -> {
                drafts.delete(r.caller(), r.brand(), r.path("key"));
                return ApiReply.noContent();
            });
    }
}
