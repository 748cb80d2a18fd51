package org.entraide.core.internal.rest;

import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.core.internal.content.ContentRenderer;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.post.QuestionQueries;
import org.entraide.core.internal.post.QuestionService;
import org.entraide.core.internal.post.VoteService;
import org.entraide.core.internal.post.Views;
import org.entraide.core.internal.rest.openapi.Doc;

/** Questions, answers, votes and accepted answers. */
public final class QuestionRoutes extends ApiRoutes {
    private final QuestionService questions;
    private final QuestionQueries queries;
    private final VoteService votes;
    private final RateLimits limits;
    private final ContentRenderer renderer;

    public QuestionRoutes(ApiDispatcher dispatcher, QuestionService questions, QuestionQueries queries, VoteService votes,
                          RateLimits limits, ContentRenderer renderer) {
        super(dispatcher);
        this.renderer = renderer;
        this.questions = questions;
        this.queries = queries;
        this.votes = votes;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/questions", "questions.list", Doc.of("List published questions, newest first by default")
                .cursorPageOf(Views.QuestionSummary.class)
                .query("topic", "slug of a topic").query("tag", "a tag").query("store", "code of the store the questions are about")
                .query("status", "unanswered, answered or accepted", "unanswered", "answered", "accepted")
                .query("q", "text to find in titles, ignoring case")
                .query("sort", "recent (default), score or active", "recent", "score", "active"), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(queries.list(brand, new QuestionQueries.Filter(r.query("topic"), r.query("tag"),
                r.query("status"), r.query("q"), r.query("sort"), r.query("store")), r.list()));
        });
        post("/brands/{brand}/questions", "questions.create", Doc.of("Ask a question")
                .body(Requests.Question.class).created(Views.QuestionView.class).bearer().errors(422, 429), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Question body = r.body(Requests.Question.class);
            limits.check("post", String.valueOf(caller.userId()));
            List<String> tags = body.tags() == null ? List.of() : body.tags().stream().distinct().toList();
            Views.QuestionView q = questions.ask(caller, brand, TextRules.clean(body.title(), true),
                TextRules.clean(body.body(), false), body.topic(), body.storeCode(), tags);
            return ApiReply.created(location(brand.slug(), "questions", q.id()), q);
        });
        get("/brands/{brand}/questions/{id}", "questions.get", Doc.of("A question with its answers, scores and accepted answer")
                .returns(Views.QuestionView.class).optionalBearer(), r -> {
            Brand brand = r.brand();
            // the same for every anonymous reader: cacheable and revalidated by its ETag (HttpCaching)
            return ApiReply.shared(questions.get(r.optionalCaller().orElse(null), brand, r.pathId("id")));
        });
        post("/brands/{brand}/questions/{id}/answers", "questions.answer", Doc.of("Answer a question")
                .body(Requests.Body.class).created(Views.AnswerView.class).bearer().errors(422, 429), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Body body = r.body(Requests.Body.class);
            limits.check("post", String.valueOf(caller.userId()));
            Views.AnswerView a = questions.answer(caller, brand, id, TextRules.clean(body.body(), false));
            return ApiReply.created(location(brand.slug(), "questions", id) + "#answer-" + a.id(), a);
        });
        post("/brands/{brand}/previews", "posts.preview",
            Doc.of("Render a Markdown body as it would be published (sanitized HTML), without storing anything")
                .body(Requests.Body.class).returns(Preview.class).bearer().errors(429), r -> {
            r.brand();
            var caller = r.caller();
            Requests.Body body = r.body(Requests.Body.class);
            limits.check("preview", String.valueOf(caller.userId()));
            return ApiReply.ok(new Preview(renderer.toHtml(TextRules.clean(body.body(), false))));
        });
        post("/brands/{brand}/questions/{id}/accept", "questions.accept",
            Doc.of("Accept an answer, or withdraw the acceptance with a null answerId (the question's author only)")
                .body(Requests.Accept.class).returns(Views.QuestionView.class).bearer().errors(409), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Accept body = r.body(Requests.Accept.class);
            return ApiReply.ok(questions.accept(caller, brand, id, body.answerId()));
        });
        post("/brands/{brand}/posts/{id}/votes", "posts.vote",
            Doc.of("Vote on a question or an answer: 1 up, -1 down, 0 to retract")
                .body(Requests.Vote.class).returns(Views.VoteResult.class).bearer().errors(409), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Vote body = r.body(Requests.Vote.class);
            return ApiReply.ok(votes.vote(caller, brand, id, body.value()));
        });
    }

    /** A body rendered as it would be published. */
    public record Preview(String bodyHtml) {
    }
}
