package org.entraide.knowledge.internal;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.api.knowledge.KnowledgeEvents;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;

/** The plugin's REST operations, each described in the OpenAPI document by the core (see docs/knowledge.md). */
final class KnowledgeApiRoutes extends RouteBuilder {
    private static final String CAP = KnowledgeEvents.CAPABILITY;
    private static final String ARTICLES = "/brands/{brand}/articles";
    private static final String ARTICLE = ARTICLES + "/{id}";
    private static final java.util.Set<String> NONE = java.util.Set.of();

    private final ApiEndpoints endpoints;
    private final ArticleApi articles;
    private final HistoryApi history;
    private final ReaderApi readers;
    private final StaffApi staff;

    KnowledgeApiRoutes(ApiEndpoints endpoints, ArticleApi articles, HistoryApi history, ReaderApi readers, StaffApi staff) {
        this.endpoints = endpoints;
        this.articles = articles;
        this.history = history;
        this.readers = readers;
        this.staff = staff;
    }

    @Override
    public void configure() {
        rest(ApiEndpoints.BASE)
            .get(ARTICLES).to("direct:knowledge.list")
            .post(ARTICLES).type(Bodies.ArticleBody.class).to("direct:knowledge.create")
            .get(ARTICLE).to("direct:knowledge.get")
            .put(ARTICLE).type(Bodies.ArticleBody.class).to("direct:knowledge.update")
            .delete(ARTICLE).to("direct:knowledge.delete")
            .get(ARTICLE + "/versions").to("direct:knowledge.versions")
            .get(ARTICLE + "/versions/{version}").to("direct:knowledge.version")
            .get(ARTICLE + "/helpful").to("direct:knowledge.helpful")
            .put(ARTICLE + "/helpful").type(Bodies.HelpfulVote.class).to("direct:knowledge.vote")
            .post(ARTICLE + "/deflections").to("direct:knowledge.deflect")
            .post("/brands/{brand}/posts/{id}/promote").type(Bodies.Promotion.class).to("direct:knowledge.promote")
            .get("/brands/{brand}/knowledge/reviews").to("direct:knowledge.reviews")
            .get("/brands/{brand}/knowledge/settings").to("direct:knowledge.settings")
            .put("/brands/{brand}/knowledge/settings").type(Bodies.KnowledgeSettings.class).to("direct:knowledge.save-settings")
            .get("/brands/{brand}/knowledge/deflections").to("direct:knowledge.deflections");
        route("knowledge.list", articles::list, ArticleApi.LIST_PARAMS, "brand");
        route("knowledge.create", articles::create, NONE, "brand");
        route("knowledge.get", articles::get, NONE, "brand", "id");
        route("knowledge.update", articles::update, NONE, "brand", "id");
        route("knowledge.delete", articles::delete, NONE, "brand", "id");
        route("knowledge.versions", history::versions, NONE, "brand", "id");
        route("knowledge.version", history::version, NONE, "brand", "id", "version");
        route("knowledge.helpful", readers::helpful, NONE, "brand", "id");
        route("knowledge.vote", readers::vote, NONE, "brand", "id");
        route("knowledge.deflect", readers::deflect, NONE, "brand", "id");
        route("knowledge.promote", staff::promote, NONE, "brand", "id");
        route("knowledge.reviews", staff::reviews, StaffApi.REVIEW_PARAMS, "brand");
        route("knowledge.settings", staff::settings, NONE, "brand");
        route("knowledge.save-settings", staff::saveSettings, NONE, "brand");
        route("knowledge.deflections", staff::deflections, StaffApi.DEFLECTION_PARAMS, "brand");
    }

    private void route(String id, ApiHandler handler, java.util.Set<String> query, String... path) {
        from("direct:" + id).routeId(id).process(endpoints.processor(CAP, handler, query, path));
    }

}
