package org.entraide.core.internal.rest;

import org.entraide.api.model.PublicationState;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.post.Comments;
import org.entraide.core.internal.post.Views;
import org.entraide.core.internal.rest.openapi.Doc;

/** Comments on questions and answers, and the member look-up that completes an @mention. */
public final class CommentRoutes extends ApiRoutes {
    /** The most members a look-up answers. */
    static final int MEMBERS_LIMIT = 10;

    private final Comments comments;
    private final RateLimits limits;

    public CommentRoutes(ApiDispatcher dispatcher, Comments comments, RateLimits limits) {
        super(dispatcher);
        this.comments = comments;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/posts/{id}/comments", "comments.list", Doc.of("The comments of a question or an answer that "
                + "the reader may see, oldest first (published ones; a held one to its author and moderators; hidden ones "
                + "to moderators)").pageOf(Views.CommentView.class).optionalBearer(), r -> {
            var brand = r.brand();
            return ApiReply.ok(comments.list(r.optionalCaller().orElse(null), brand, r.pathId("id"), r.page()));
        });
        post("/brands/{brand}/posts/{id}/comments", "comments.create", Doc.of("Comment on a public question or answer "
                + "(not a complaint): at most 600 characters of inline Markdown, @pseudonym mentions members; through the "
                + "submission pipeline (the comment privilege, except on one's own post or the answers to one's own "
                + "question; moderation rules), so it may be held for review")
                .body(Requests.Comment.class).created(Views.CommentView.class).bearer().errors(409, 422, 429), r -> {
            var brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Comment body = r.body(Requests.Comment.class);
            limits.check("comment", String.valueOf(caller.userId()));
            Views.CommentView c = comments.post(caller, brand, id, TextRules.clean(body.body(), false));
            return ApiReply.created("/api/v1/brands/" + brand.slug() + "/comments/" + c.id(), c);
        });
        put("/brands/{brand}/comments/{id}", "comments.edit", Doc.of("Edit one's comment (through the submission pipeline "
                + "again)").body(Requests.Comment.class).returns(Views.CommentView.class).bearer().errors(409, 422, 429), r -> {
            var brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Comment body = r.body(Requests.Comment.class);
            limits.check("comment", String.valueOf(caller.userId()));
            return ApiReply.ok(comments.edit(caller, brand, id, TextRules.clean(body.body(), false)));
        });
        delete("/brands/{brand}/comments/{id}", "comments.delete", Doc.of("Delete one's comment; a moderator or brand "
                + "admin deleting someone else's hides it").noContent().bearer(), r -> {
            comments.delete(r.caller(), r.brand(), r.pathId("id"));
            return ApiReply.noContent();
        });
        put("/brands/{brand}/comments/{id}/publication", "comments.moderate", Doc.of("Publish a comment held for review, "
                + "hide one or restore a hidden one (the brand's moderators and admins)")
                .body(Requests.CommentDecision.class).returns(Views.CommentView.class)
                .bearer(Role.MODERATOR, Role.BRAND_ADMIN), r -> {
            var brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.CommentDecision body = r.body(Requests.CommentDecision.class);
            return ApiReply.ok(comments.moderate(caller, brand, id, PublicationState.valueOf(body.publication())));
        });
        get("/brands/{brand}/comments", "comments.review", Doc.of("The brand's comments held for review (the default) or "
                + "hidden by a moderator, newest first (moderators and brand admins)").pageOf(Views.CommentView.class)
                .query("publication", "PENDING_REVIEW (the default) or HIDDEN", "PENDING_REVIEW", "HIDDEN")
                .bearer(Role.MODERATOR, Role.BRAND_ADMIN), r -> {
            var brand = r.brand();
            var caller = r.caller();
            String state = r.query("publication");
            if (state != null && !state.equals("PENDING_REVIEW") && !state.equals("HIDDEN")) {
                throw ProblemException.invalid("publication", "PENDING_REVIEW or HIDDEN");
            }
            return ApiReply.ok(comments.inState(caller, brand, state == null ? PublicationState.PENDING_REVIEW
                : PublicationState.valueOf(state), r.page()));
        });
        get("/brands/{brand}/members", "members.search", Doc.of("Members of the brand whose pseudonym starts with the "
                + "prefix (2 to 30 characters, no case), for @mention autocomplete: pseudonyms only, at most "
                + MEMBERS_LIMIT).returns(Views.MemberRefs.class)
                .query("prefix", "the beginning of a pseudonym").bearer().errors(429), r -> {
            var brand = r.brand();
            var caller = r.caller();
            String prefix = r.query("prefix");
            if (prefix == null || prefix.length() < 2 || prefix.length() > 30 || !prefix.matches(Requests.PSEUDONYM)) {
                throw ProblemException.invalid("prefix", "2 to 30 letters, digits, '_', '.' or '-'");
            }
            limits.check("members", String.valueOf(caller.userId()));
            return ApiReply.ok(comments.members(caller, brand, prefix, MEMBERS_LIMIT));
        });
    }
}
