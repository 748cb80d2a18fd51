package org.entraide.core.internal.rest;

import org.entraide.core.internal.post.Contributors;
import org.entraide.core.internal.rest.openapi.Doc;

/** What browsing a community by topic and tag needs beside the lists: who answers there. */
public final class BrowseRoutes extends ApiRoutes {
    private final Contributors contributors;

    public BrowseRoutes(ApiDispatcher dispatcher, Contributors contributors) {
        super(dispatcher);
        this.contributors = contributors;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/contributors", "contributors.list", Doc.of("The members with the most published answers "
                + "(accepted ones first) to the questions of a topic or a tag, at most " + Contributors.LIMIT
                + "; a topic's experts are marked when the badges capability names them")
                .itemsOf(Contributors.Contributor.class)
                .query("topic", "slug of a topic").query("tag", "a tag"),
            r -> ApiReply.ok(contributors.of(r.brand(), r.query("topic"), r.query("tag"))));
    }
}
