package org.entraide.incidents.internal.web;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.incidents.IncidentEvents;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;
import org.entraide.api.web.Paging;

/**
 * The REST endpoints of incidents, in the shared CamelContext through the core's dispatcher; 404 for brands that
 * did not enable incidents. Each declares the query parameters it reads, so that any other is a 400.
 */
public final class IncidentRoutes extends RouteBuilder {
    private static final Set<String> NONE = Set.of();
    private static final String ONE = "/brands/{brand}/incidents/{id}";

    private final ApiEndpoints endpoints;
    private final IncidentEndpoints api;

    public IncidentRoutes(ApiEndpoints endpoints, IncidentEndpoints api) {
        this.endpoints = endpoints;
        this.api = api;
    }

    @Override
    public void configure() {
        rest(ApiEndpoints.BASE).get("/brands/{brand}/incidents")
            .to(route("incidents.list", api::list, Paging.with("status", "post", "store"), "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/incidents").type(Bodies.Incident.class)
            .to(route("incidents.declare", api::declare, NONE, "brand"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/incident-proposals")
            .to(route("incidents.proposals", api::proposals, Paging.PARAMS, "brand"));
        rest(ApiEndpoints.BASE).get(ONE).to(route("incidents.one", api::one, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).put(ONE).type(Bodies.Incident.class).to(route("incidents.update", api::update, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(ONE + "/statements")
            .to(route("incidents.statements", api::statements, Paging.PARAMS, "brand", "id"));
        rest(ApiEndpoints.BASE).post(ONE + "/statements").type(Bodies.Statement.class)
            .to(route("incidents.publish", api::publish, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(ONE + "/items").to(route("incidents.items", api::items, Paging.PARAMS, "brand", "id"));
        rest(ApiEndpoints.BASE).post(ONE + "/items").type(Bodies.Items.class)
            .to(route("incidents.attach", api::attach, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).post(ONE + "/closure").type(Bodies.Closure.class)
            .to(route("incidents.close", api::close, NONE, "brand", "id"));
    }

    private String route(String operation, ApiHandler handler, Set<String> query, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(IncidentEvents.CAPABILITY, handler, query, params));
        return endpoint;
    }
}
