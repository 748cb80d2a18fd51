package org.entraide.core.internal.rest;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.db.Database;
import org.entraide.core.internal.post.ContentPolicy;
import org.entraide.core.internal.post.PostEdits;
import org.entraide.core.internal.post.Views;
import org.entraide.core.internal.rest.openapi.Doc;

/** Editing and deleting one's posts, their versions, and how long a brand lets its members edit them. */
public final class PostRoutes extends ApiRoutes {
    private final PostEdits edits;
    private final Database db;
    private final RateLimits limits;

    public PostRoutes(ApiDispatcher dispatcher, PostEdits edits, Database db, RateLimits limits) {
        super(dispatcher);
        this.edits = edits;
        this.db = db;
        this.limits = limits;
    }

    @Override
    public void configure() {
        put("/brands/{brand}/posts/{id}", "posts.edit", Doc.of("Edit one's question, answer or complaint (a complaint "
                + "until it has an official response), or, as a moderator, a question or answer of the brand; the edit goes "
                + "through the submission pipeline and may be held for review; every version is kept")
                .body(Requests.PostEdit.class).returns(Views.EditedPost.class).bearer().errors(409, 429), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.PostEdit body = r.body(Requests.PostEdit.class);
            limits.check("post", String.valueOf(caller.userId()));
            return ApiReply.ok(edits.edit(caller, brand, id, body.title() == null ? null : TextRules.clean(body.title(), true),
                TextRules.clean(body.body(), false)));
        });
        delete("/brands/{brand}/posts/{id}", "posts.delete", Doc.of("Delete one's post: it stays in its thread as "
                + "\"deleted by its author\"; an accepted answer or a complaint with an official response cannot be deleted")
                .noContent().bearer().errors(409), r -> {
            edits.delete(r.caller(), r.brand(), r.pathId("id"));
            return ApiReply.noContent();
        });
        get("/brands/{brand}/posts/{id}/revisions", "posts.revisions", Doc.of("The versions of a post's text, oldest first "
                + "(whoever may read the post; a complaint's versions never name its author)")
                .returns(Views.Revisions.class).optionalBearer(), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(edits.revisions(r.optionalCaller().orElse(null), brand, r.pathId("id")));
        });
        get("/brands/{brand}/content-policy", "posts.policy", Doc.of("How long after posting members may edit their posts")
                .returns(Policy.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            requireAdmin(r.caller());
            return ApiReply.ok(new Policy(db.inTransaction(c -> ContentPolicy.editWindowMinutes(c, brand.id()))));
        });
        put("/brands/{brand}/content-policy", "posts.policy.set", Doc.of("Choose how long after posting members may edit "
                + "their posts (null: always)").body(Requests.ContentPolicy.class).returns(Policy.class)
                .bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            requireAdmin(r.caller());
            Requests.ContentPolicy body = r.body(Requests.ContentPolicy.class);
            db.inTransaction(c -> {
                ContentPolicy.setEditWindowMinutes(c, brand.id(), body.editWindowMinutes());
                return null;
            });
            return ApiReply.ok(new Policy(body.editWindowMinutes()));
        });
    }

    private static void requireAdmin(org.entraide.api.security.Caller caller) {
        if (!caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("only the brand's admins choose this");
        }
    }

    /** {@code editWindowMinutes}: null when members may always edit. */
    public record Policy(Integer editWindowMinutes) {
    }
}
