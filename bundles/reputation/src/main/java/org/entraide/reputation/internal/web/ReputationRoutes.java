package org.entraide.reputation.internal.web;

import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.reputation.ReputationEvents;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;
import org.entraide.reputation.internal.Reputation;

/**
 * The REST endpoints of reputation. Each calls a {@code direct:} route named after its operation
 * ({@code reputation.points}); the core's endpoint processor reads the request, answers 404 for brands that
 * did not enable reputation, and writes JSON or a problem.
 */
public final class ReputationRoutes extends RouteBuilder {
    private static final Set<String> NONE = Set.of();
    private static final Set<String> PAGED = Set.of("page", "size");

    private final ApiEndpoints endpoints;
    private final RulesEndpoints rules;
    private final HistoryEndpoint history;
    private final AdminEndpoints admin;
    private final LeaderboardEndpoint leaderboard;

    public ReputationRoutes(ApiEndpoints endpoints, Reputation reputation, Clock clock) {
        this.endpoints = endpoints;
        Transactions tx = reputation.platform.tx();
        this.rules = new RulesEndpoints(tx, reputation.rules);
        this.history = new HistoryEndpoint(tx, reputation.members, reputation.ledger, reputation.privateHistory);
        this.admin = new AdminEndpoints(tx, reputation.recomputation, reputation.serialVoting,
            reputation.serialVotingJob, reputation.rings, clock);
        this.leaderboard = new LeaderboardEndpoint(tx, reputation.standings, reputation.topics, reputation.members, clock);
    }

    @Override
    public void configure() {
        get("/brands/{brand}/reputation/points", "reputation.points", rules::points, NONE);
        put("/brands/{brand}/reputation/points", "reputation.points.update", rules::overridePoints, JsonNode.class);
        get("/brands/{brand}/reputation/privileges", "reputation.privileges", rules::privileges, NONE);
        put("/brands/{brand}/reputation/privileges", "reputation.privileges.update", rules::overridePrivileges, JsonNode.class);
        get("/brands/{brand}/users/{id}/reputation", "reputation.user", history::handle, PAGED);
        get("/brands/{brand}/users/{id}/reputation/private", "reputation.user.private", history::privateHistory, PAGED);
        get("/brands/{brand}/leaderboard", "reputation.leaderboard", leaderboard::handle, LeaderboardEndpoint.QUERY);
        post("/brands/{brand}/reputation/recomputations", "reputation.recompute", admin::recompute,
            AdminEndpoints.RecomputeRequest.class);
        get("/brands/{brand}/reputation/serial-voting", "reputation.serial-voting.report", admin::serialVoting, NONE);
        get("/brands/{brand}/reputation/voting-rings", "reputation.voting-rings", admin::votingRings, PAGED);
    }

    private void get(String uri, String operation, ApiHandler handler, Set<String> query) {
        rest(ApiEndpoints.BASE).get(uri).to(route(uri, operation, handler, query));
    }

    /** A write, with the record its handler reads as body: the API's description gives its schema. */
    private void put(String uri, String operation, ApiHandler handler, Class<?> body) {
        rest(ApiEndpoints.BASE).put(uri).type(body).to(route(uri, operation, handler, NONE));
    }

    private void post(String uri, String operation, ApiHandler handler, Class<?> body) {
        rest(ApiEndpoints.BASE).post(uri).type(body).to(route(uri, operation, handler, NONE));
    }

    /** Each endpoint declares the query parameters it reads: any other is a 400, as on the core's endpoints. */
    private String route(String uri, String operation, ApiHandler handler, Set<String> query) {
        String endpoint = "direct:" + operation;
        String[] params = uri.contains("{id}") ? new String[] {"brand", "id"} : new String[] {"brand"};
        from(endpoint).routeId(operation).process(endpoints.processor(ReputationEvents.CAPABILITY, handler, query, params));
        return endpoint;
    }
}
