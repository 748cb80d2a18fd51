package org.entraide.badges.internal.web;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.badges.BadgeEvents;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiHandler;
import org.entraide.badges.internal.Badges;

/**
 * The REST endpoints of badges, in the shared CamelContext; 404 for brands that did not enable badges. Each
 * declares the query parameters it reads, so that any other is a 400, as on the core's endpoints.
 */
public final class BadgeRoutes extends RouteBuilder {
    private static final Set<String> NONE = Set.of();
    private static final Set<String> PAGED = Set.of("page", "size");

    private final ApiEndpoints endpoints;
    private final BadgeEndpoints api;
    private final ProgressEndpoint progress;

    public BadgeRoutes(ApiEndpoints endpoints, Transactions tx, Badges badges) {
        this.endpoints = endpoints;
        this.api = new BadgeEndpoints(tx, badges);
        this.progress = new ProgressEndpoint(tx, badges);
    }

    @Override
    public void configure() {
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges").to(route("badges.list", api::list, PAGED, "brand"));
        rest(ApiEndpoints.BASE).post("/brands/{brand}/badges").type(BadgeForm.class).to(route("badges.create", api::create, NONE, "brand"));
        rest(ApiEndpoints.BASE).put("/brands/{brand}/badges").type(BadgeForm.class).to(route("badges.upsert", api::upsert, NONE, "brand"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges/{key}").to(route("badges.one", api::one, NONE, "brand", "key"));
        rest(ApiEndpoints.BASE).put("/brands/{brand}/badges/{key}").type(BadgeForm.class)
            .to(route("badges.replace", api::replace, NONE, "brand", "key"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges/{key}/holders")
            .to(route("badges.holders", api::holders, PAGED, "brand", "key"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/badges/{key}/progress")
            .to(route("badges.progress", progress::handle, NONE, "brand", "key"));
        rest(ApiEndpoints.BASE).get("/brands/{brand}/users/{id}/badges")
            .to(route("badges.user", api::ofUser, PAGED, "brand", "id"));
    }

    private String route(String operation, ApiHandler handler, Set<String> query, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(BadgeEvents.CAPABILITY, handler, query, params));
        return endpoint;
    }
}
