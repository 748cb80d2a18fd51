package org.entraide.localmanagers.internal.web;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.localmanagers.LocalManagerEvents;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;
import org.entraide.api.web.CursorPaging;
import org.entraide.api.web.Paging;

/**
 * The REST endpoints of local managers, in the shared CamelContext; 404 for brands that did not enable them. Each
 * declares the query parameters it reads: any other is a 400 problem, as on the core's endpoints.
 */
public final class ManagerRoutes extends RouteBuilder {
    private static final Set<String> NONE = Set.of();

    private final ApiEndpoints endpoints;
    private final ManagerEndpoints api;
    private final PrivateEndpoints parties;

    public ManagerRoutes(ApiEndpoints endpoints, ManagerEndpoints api, PrivateEndpoints parties) {
        this.endpoints = endpoints;
        this.api = api;
        this.parties = parties;
    }

    @Override
    public void configure() {
        String b = "/brands/{brand}";
        Set<String> ranking = Paging.with("period");
        rest(ApiEndpoints.BASE).get(b + "/managers/me").to(route("managers.me", api.inbox()::me, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/managers/me/complaints").to(route("managers.inbox", api.inbox()::inbox, CursorPaging.PARAMS, "brand"));
        rest(ApiEndpoints.BASE).post(b + "/managers/absences").type(Bodies.Absence.class).to(route("managers.absence", api.team()::absence, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/managers/identity-access")
            .to(route("managers.identity-access", parties::identityAccess, Paging.with("complaintId"), "brand"));
        rest(ApiEndpoints.BASE).get(b + "/complaints/{id}/timeline")
            .to(route("complaints.timeline", api.complaints()::timeline, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(b + "/complaint-deadlines")
            .to(route("complaints.deadlines", api.complaints()::deadlines, Set.of("ids"), "brand"));
        rest(ApiEndpoints.BASE).get(b + "/complaint-unread")
            .to(route("complaints.unread", parties::unread, Set.of("ids"), "brand"));
        rest(ApiEndpoints.BASE).get(b + "/me/unread-messages")
            .to(route("complaints.unread-total", parties::total, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/complaints/{id}/complainant")
            .to(route("complaints.complainant", parties::complainant, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).put(b + "/stores/{code}/settings").type(Bodies.StoreSettings.class)
            .to(route("stores.settings", api.stores()::storeSettings, NONE, "brand", "code"));
        rest(ApiEndpoints.BASE).get(b + "/regions").to(route("regions.list", api.team()::regions, NONE, "brand"));
        rest(ApiEndpoints.BASE).put(b + "/regions/{code}").type(Bodies.Region.class).to(route("regions.put", api.team()::region, NONE, "brand", "code"));
        rest(ApiEndpoints.BASE).post(b + "/stores/import").type(Bodies.StoreImport.class).to(route("stores.import", api.stores()::importStores, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/stores/export").produces("text/csv").to(route("stores.export", api.stores()::exportStores, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/stores/search")
            .to(route("stores.search", api.stores()::searchStores, Paging.with("q", "lat", "lon"), "brand"));
        rest(ApiEndpoints.BASE).get(b + "/managers/deadlines").to(route("managers.deadlines", api.deadlines()::deadlines, NONE, "brand"));
        rest(ApiEndpoints.BASE).put(b + "/managers/deadlines").type(Bodies.Deadlines.class)
            .to(route("managers.deadlines.set", api.deadlines()::setDeadlines, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/formula").to(route("rankings.formula", api.rankings()::rankingFormula, NONE, "brand"));
        rest(ApiEndpoints.BASE).put(b + "/rankings/formula").type(Bodies.Formula.class)
            .to(route("rankings.formula.set", api.rankings()::setRankingFormula, NONE, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/stores").to(route("rankings.stores", api.rankings()::storeRanking, ranking, "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/brand").to(route("rankings.brand", api.rankings()::brandRanking, Set.of("period"), "brand"));
        rest(ApiEndpoints.BASE).get(b + "/rankings/dashboard").to(route("rankings.dashboard", api.rankings()::dashboard, NONE, "brand"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/delegation").type(Bodies.Delegation.class)
            .to(route("complaints.delegate", api.complaints()::delegate, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/messages").type(Bodies.Message.class)
            .to(route("complaints.message", parties::postMessage, NONE, "brand", "id"));
        rest(ApiEndpoints.BASE).get(b + "/complaints/{id}/messages")
            .to(route("complaints.messages", parties::messages, Paging.PARAMS, "brand", "id"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/messages/{messageId}/report").type(Bodies.Report.class)
            .to(route("complaints.message.report", parties::report, NONE, "brand", "id", "messageId"));
        rest(ApiEndpoints.BASE).post(b + "/complaints/{id}/handover").type(Bodies.Handover.class)
            .to(route("complaints.handover", api.complaints()::handOver, NONE, "brand", "id"));
    }

    private String route(String operation, ApiHandler handler, Set<String> query, String... params) {
        String endpoint = "direct:" + operation;
        from(endpoint).routeId(operation).process(endpoints.processor(LocalManagerEvents.CAPABILITY, handler, query, params));
        return endpoint;
    }
}
