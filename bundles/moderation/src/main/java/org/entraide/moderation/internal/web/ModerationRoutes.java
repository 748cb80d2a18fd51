package org.entraide.moderation.internal.web;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;
import org.entraide.moderation.internal.Moderation;

/** The REST endpoints of moderation, in the shared CamelContext; 404 for brands that did not enable it. */
public final class ModerationRoutes extends RouteBuilder {
    private final ApiEndpoints endpoints;
    private final ModerationEndpoints api;
    private final ReviewEndpoints review;

    public ModerationRoutes(ApiEndpoints endpoints, ModerationEndpoints api, ReviewEndpoints review) {
        this.endpoints = endpoints;
        this.api = api;
        this.review = review;
    }

    @Override
    public void configure() {
        String sets = "/brands/{brand}/moderation/rulesets";
        rest(ApiEndpoints.BASE).get(sets).to(route("moderation.rulesets", api::list, "brand"));
        rest(ApiEndpoints.BASE).post(sets).to(route("moderation.rulesets.create", api::create, "brand"));
        rest(ApiEndpoints.BASE).get(sets + "/{id}").to(route("moderation.ruleset", api::one, "brand", "id"));
        rest(ApiEndpoints.BASE).put(sets + "/{id}").to(route("moderation.ruleset.update", api::update, "brand", "id"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/moderation/dry-run").to(route("moderation.dry-run", api::dryRun, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/posts/{id}/flags").to(route("moderation.flag", review::flag, "brand", "id"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/queue").to(route("moderation.queue", review::queue, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/moderation/queue/{id}/claim")
            .to(route("moderation.claim", review::claim, "brand", "id"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/moderation/queue/{id}/decision")
            .to(route("moderation.decide", review::decide, "brand", "id"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/audit").to(route("moderation.audit", review::audit, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/complaints/{id}/moderation-requests")
            .to(route("moderation.request", review::request, "brand", "id"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/requests").to(route("moderation.requests", review::requestsPerStore, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/moderation/sanctions").to(route("moderation.sanction", review::sanction, "brand"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/sanctions").to(route("moderation.sanctions", review::sanctionsOf, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/moderation/appeals").to(route("moderation.appeal", review::appeal, "brand"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/appeals").to(route("moderation.appeals", review::appeals, "brand"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/mine").to(route("moderation.mine", review::mine, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/moderation/appeals/{id}/decision")
            .to(route("moderation.appeal.decide", review::decideAppeal, "brand", "id"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/moderation/transparency")
            .to(route("moderation.transparency", review::transparency, "brand"));
    }

    private String route(String operation, ApiHandler handler, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(Moderation.CAPABILITY, handler, params));
        return endpoint;
    }
}
