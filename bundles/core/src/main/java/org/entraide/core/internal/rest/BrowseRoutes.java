package org.entraide.core.internal.rest;

import org.entraide.api.model.Role;
import org.entraide.core.internal.post.Contributors;
import org.entraide.core.internal.post.Duplicates;
import org.entraide.core.internal.post.MyPosts;
import org.entraide.core.internal.post.SitemapQueries;
import org.entraide.core.internal.rest.openapi.Doc;

/** What browsing a community needs beside the lists: who answers in a topic or tag, and a member's own posts. */
public final class BrowseRoutes extends ApiRoutes {
    private final Contributors contributors;
    private final MyPosts mine;
    private final SitemapQueries sitemaps;
    private final Duplicates duplicates;

    public BrowseRoutes(ApiDispatcher dispatcher, Contributors contributors, MyPosts mine, SitemapQueries sitemaps,
                        Duplicates duplicates) {
        super(dispatcher);
        this.duplicates = duplicates;
        this.contributors = contributors;
        this.mine = mine;
        this.sitemaps = sitemaps;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/contributors", "contributors.list", Doc.of("The members with the most published answers "
                + "(accepted ones first) to the questions of a topic or a tag, at most " + Contributors.LIMIT
                + "; a topic's experts are marked when the badges capability names them")
                .itemsOf(Contributors.Contributor.class)
                .query("topic", "slug of a topic").query("tag", "a tag"),
            r -> ApiReply.ok(contributors.of(r.brand(), r.query("topic"), r.query("tag"))));
        get("/brands/{brand}/me/posts", "me.posts", Doc.of("The caller's own questions, answers or complaints, newest first, "
                + "with their publication (including those awaiting review or refused) and a complaint's status; deleted ones "
                + "are left out").pageOf(MyPosts.MyPost.class)
                .query("type", "question, answer or complaint", "question", "answer", "complaint").bearer(), r -> {
            var brand = r.brand();
            var caller = r.caller();
            return ApiReply.ok(mine.of(brand, caller.userId(), r.query("type"), r.page()));
        });
        get("/brands/{brand}/questions/{id}/duplicate", "questions.duplicate", Doc.of("Whether a published question was "
                + "closed as a duplicate, and of which question (its original: id, title, whether it has an accepted answer)")
                .returns(Duplicates.Duplicate.class),
            r -> ApiReply.ok(duplicates.of(r.brand(), r.pathId("id"))));
        put("/brands/{brand}/questions/{id}/duplicate", "questions.closeAsDuplicate", Doc.of("Close a question as a duplicate "
                + "of another published question (moderators, brand admins and members with the reputation plugin's "
                + "close-duplicate privilege): its page then sends readers to the original; "
                + "its answers and votes stay").body(Requests.DuplicateOf.class).returns(Duplicates.Duplicate.class)
                .bearer(Role.MODERATOR, Role.BRAND_ADMIN).errors(409), r -> {
            var brand = r.brand();
            var caller = r.caller();
            Requests.DuplicateOf body = r.body(Requests.DuplicateOf.class);
            return ApiReply.ok(duplicates.close(caller, brand, r.pathId("id"), body.originalId()));
        });
        get("/brands/{brand}/sitemap", "sitemap.kinds", Doc.of("What the brand's sitemaps list: for each kind of public page "
                + "(question, complaint, store, topic, tag, profile) how many there are and their latest change")
                .returns(SitemapQueries.Kinds.class),
            r -> ApiReply.ok(sitemaps.kinds(r.brand())));
        get("/brands/{brand}/sitemap/{kind}", "sitemap.entries", Doc.of("One sitemap file's public pages of a kind, in a "
                + "stable order, each with its key (id, code, slug or tag) and its latest change; up to "
                + SitemapQueries.MAX_SIZE + " a page").returns(SitemapQueries.Entries.class)
                .query("page", "page number, from 1").query("size", "entries per page, 1 to " + SitemapQueries.MAX_SIZE),
            r -> ApiReply.ok(sitemaps.entries(r.brand(), r.path("kind"), intQuery(r, "page", 1), intQuery(r, "size", SitemapQueries.MAX_SIZE))));
    }

    private static int intQuery(ApiRequest r, String name, int fallback) {
        String v = r.query(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw org.entraide.api.problem.ProblemException.invalid(name, "a whole number");
        }
    }
}
