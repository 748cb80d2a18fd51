package org.entraide.moderation.internal.web;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;
import org.entraide.api.web.Paging;
import org.entraide.moderation.internal.Moderation;

/**
 * The REST endpoints of moderation, in the shared CamelContext; 404 for brands that did not enable it. Each
 * declares the query parameters it reads: any other is a 400 problem, as on the core's endpoints.
 */
public final class ModerationRoutes extends RouteBuilder {
    private static final Set<String> NONE = Set.of();

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
        String m = "/brands/{brand}/moderation";
        String sets = m + "/rulesets";
        rest(ApiEndpoints.BASE).get(sets).to(route("moderation.rulesets", api::list, Paging.PARAMS, "brand"));
        rest(ApiEndpoints.BASE).post(sets).type(JsonNode.class).to(route("moderation.rulesets.create", api::create, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(sets + "/{id}").to(route("moderation.ruleset", api::one, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).put(sets + "/{id}").type(JsonNode.class).to(route("moderation.ruleset.update", api::update, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).post(m + "/dry-run").type(Bodies.DryRun.class).to(route("moderation.dry-run", api::dryRun, NONE, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/posts/{id}/flags").type(Bodies.Flag.class)
            .to(route("moderation.flag", review::flag, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(m + "/queue")
            .to(route("moderation.queue", review::queue, Paging.with("status", "source"), "brand"));
        rest(ApiEndpoints.BASE).post(m + "/queue/{id}/claim").to(route("moderation.claim", review::claim, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).post(m + "/queue/{id}/decision").type(Bodies.Decision.class)
            .to(route("moderation.decide", review::decide, NONE, "brand", "id"));
        // format=csv answers the same entries as CSV: declared so that the description says so
        rest(ApiEndpoints.BASE).get(m + "/audit").produces("application/json,text/csv")
            .to(route("moderation.audit", review::audit, Paging.with("from", "to", "action", "format", "limit"), "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/complaints/{id}/moderation-requests").type(Bodies.ModerationRequest.class)
            .to(route("moderation.request", review::request, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(m + "/requests")
            .to(route("moderation.requests", review::requestsPerStore, Paging.PARAMS, "brand"));
        rest(ApiEndpoints.BASE).post(m + "/sanctions").type(Bodies.Sanction.class).to(route("moderation.sanction", review::sanction, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(m + "/sanctions")
            .to(route("moderation.sanctions", review::sanctionsOf, Paging.with("userId"), "brand"));
        rest(ApiEndpoints.BASE).post(m + "/appeals").type(Bodies.Appeal.class).to(route("moderation.appeal", review::appeal, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(m + "/appeals")
            .to(route("moderation.appeals", review::appeals, Paging.with("status"), "brand"));
        rest(ApiEndpoints.BASE).get(m + "/mine").to(route("moderation.mine", review::mine, NONE, "brand"));
        rest(ApiEndpoints.BASE).post(m + "/appeals/{id}/decision").type(Bodies.AppealDecision.class)
            .to(route("moderation.appeal.decide", review::decideAppeal, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(m + "/transparency")
            .to(route("moderation.transparency", review::transparency, Set.of("month"), "brand"));
        rest(ApiEndpoints.BASE).get(m + "/settings").to(route("moderation.settings", review::settings, NONE, "brand"));
        rest(ApiEndpoints.BASE).put(m + "/settings").type(Bodies.Settings.class).to(route("moderation.settings.set", review::setSettings, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(m + "/identity-access")
            .to(route("moderation.identity-access", review::identityAccess, Paging.PARAMS, "brand"));
    }

    private String route(String operation, ApiHandler handler, Set<String> query, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(Moderation.CAPABILITY, handler, query, params));
        return endpoint;
    }
}
