package org.entraide.badges.internal.web;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;

/** The REST endpoints of badges, in the shared CamelContext; 404 for brands that did not enable badges. */
public final class BadgeRoutes extends RouteBuilder {
    private final ApiEndpoints endpoints;
    private final BadgeEndpoints api;

    public BadgeRoutes(ApiEndpoints endpoints, BadgeEndpoints api) {
        this.endpoints = endpoints;
        this.api = api;
    }

    @Override
    public void configure() {
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges").to(route("badges.list", api::list, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/badges").to(route("badges.create", api::create, "brand"));
        rest(ApiEndpoints.BASE).put("/brands/{brand}/badges").to(route("badges.upsert", api::replace, "brand"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges/{key}").to(route("badges.one", api::one, "brand", "key"));
        rest(ApiEndpoints.BASE).put("/brands/{brand}/badges/{key}").to(route("badges.replace", api::replace, "brand", "key"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges/{key}/holders")
            .to(route("badges.holders", api::holders, "brand", "key"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges/{key}/progress")
            .to(route("badges.progress", api::progress, "brand", "key"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/users/{id}/badges").to(route("badges.user", api::ofUser, "brand", "id"));
    }

    private String route(String operation, ApiHandler handler, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(BadgeEvents.CAPABILITY, handler, params));
        return endpoint;
    }
}
