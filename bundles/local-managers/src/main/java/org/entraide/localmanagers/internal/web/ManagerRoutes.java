package org.entraide.localmanagers.internal.web;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;

/** The REST endpoints of local managers, in the shared CamelContext; 404 for brands that did not enable them. */
public final class ManagerRoutes extends RouteBuilder {
    private final ApiEndpoints endpoints;
    private final ManagerEndpoints api;

    public ManagerRoutes(ApiEndpoints endpoints, ManagerEndpoints api) {
        this.endpoints = endpoints;
        this.api = api;
    }

    @Override
    public void configure() {
        String b = "/brands/{brand}";
        rest(ApiEndpoints.BASE).get(b + "/managers/me").to(route("managers.me", api::me, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/managers/me/complaints").to(route("managers.inbox", api::inbox, "brand"));
        rest(ApiEndpoints.BASE).post(b + "/managers/absences").to(route("managers.absence", api::absence, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/complaints/{id}/timeline").to(route("complaints.timeline", api::timeline, "brand", "id"));
        rest(ApiEndpoints.BASE).get(b + "/complaints/{id}/complainant")
            .to(route("complaints.complainant", api::complainant, "brand", "id"));
        rest(ApiEndpoints.BASE).put(b + "/stores/{code}/settings").to(route("stores.settings", api::storeSettings, "brand", "code"));
        rest(ApiEndpoints.BASE).put(b + "/regions/{code}").to(route("regions.put", api::region, "brand", "code"));
        rest(ApiEndpoints.BASE).post(b + "/stores/import").to(route("stores.import", api::importStores, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/stores/export").to(route("stores.export", api::exportStores, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/stores/search").to(route("stores.search", api::searchStores, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/managers/deadlines").to(route("managers.deadlines", api::deadlines, "brand"));
        rest(ApiEndpoints.BASE).put(b + "/managers/deadlines").to(route("managers.deadlines.set", api::setDeadlines, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/formula").to(route("rankings.formula", api::rankingFormula, "brand"));
        rest(ApiEndpoints.BASE).put(b + "/rankings/formula").to(route("rankings.formula.set", api::setRankingFormula, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/stores").to(route("rankings.stores", api::storeRanking, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/brand").to(route("rankings.brand", api::brandRanking, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/dashboard").to(route("rankings.dashboard", api::dashboard, "brand"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/delegation").to(route("complaints.delegate", api::delegate, "brand", "id"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/messages").to(route("complaints.message", api::postMessage, "brand", "id"));
        rest(ApiEndpoints.BASE).get(b + "/complaints/{id}/messages").to(route("complaints.messages", api::messages, "brand", "id"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/handover").to(route("complaints.handover", api::handOver, "brand", "id"));
    }

    private String route(String operation, ApiHandler handler, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(LocalManagerEvents.CAPABILITY, handler, params));
        return endpoint;
    }
}
