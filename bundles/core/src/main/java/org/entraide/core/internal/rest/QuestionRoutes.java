package org.entraide.core.internal.rest;

import java.util.List;

import org.entraide.api.model.Brand;
import org.entraide.core.internal.content.TextRules;
import org.entraide.core.internal.post.QuestionQueries;
import org.entraide.core.internal.post.QuestionService;
import org.entraide.core.internal.post.VoteService;
import org.entraide.core.internal.post.Views;

/** Questions, answers, votes and accepted answers. */
public final class QuestionRoutes extends ApiRoutes {
    private final QuestionService questions;
    private final QuestionQueries queries;
    private final VoteService votes;
    private final RateLimits limits;

    public QuestionRoutes(ApiDispatcher dispatcher, QuestionService questions, QuestionQueries queries, VoteService votes,
                          RateLimits limits) {
        super(dispatcher);
        this.questions = questions;
        this.queries = queries;
        this.votes = votes;
        this.limits = limits;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/questions", "questions.list", r -> {
            Brand brand = r.brand();
            return ApiReply.ok(queries.list(brand, new QuestionQueries.Filter(r.query("topic"), r.query("tag"),
                r.query("status"), r.query("q"), r.query("sort")), r.page()));
        });
        post("/brands/{brand}/questions", "questions.create", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            Requests.Question body = r.body(Requests.Question.class);
            limits.check("post", String.valueOf(caller.userId()));
            List<String> tags = body.tags() == null ? List.of() : body.tags().stream().distinct().toList();
            Views.QuestionView q = questions.ask(caller, brand, TextRules.clean(body.title(), true),
                TextRules.clean(body.body(), false), body.topic(), tags);
            return ApiReply.created(location(brand.slug(), "questions", q.id()), q);
        });
        get("/brands/{brand}/questions/{id}", "questions.get", r -> {
            Brand brand = r.brand();
            return ApiReply.ok(questions.get(r.optionalCaller().orElse(null), brand, r.pathId("id")));
        });
        post("/brands/{brand}/questions/{id}/answers", "questions.answer", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Body body = r.body(Requests.Body.class);
            limits.check("post", String.valueOf(caller.userId()));
            Views.AnswerView a = questions.answer(caller, brand, id, TextRules.clean(body.body(), false));
            return ApiReply.created(location(brand.slug(), "questions", id) + "#answer-" + a.id(), a);
        });
        post("/brands/{brand}/questions/{id}/accept", "questions.accept", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Accept body = r.body(Requests.Accept.class);
            return ApiReply.ok(questions.accept(caller, brand, id, body.answerId()));
        });
        post("/brands/{brand}/posts/{id}/votes", "posts.vote", r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            long id = r.pathId("id");
            Requests.Vote body = r.body(Requests.Vote.class);
            return ApiReply.ok(votes.vote(caller, brand, id, body.value()));
        });
    }
}
