package org.entraide.core.internal.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entraide.core.internal.rest.openapi.Doc;
import org.entraide.core.internal.rest.openapi.Endpoint;
import org.entraide.core.internal.rest.openapi.OpenApiDocument;
import org.entraide.core.internal.rest.openapi.PluginOperations;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of the endpoints of the given route builders, and of
 * the REST operations the installed plugins added to the CamelContext.
 */
public final class OpenApiRoutes extends ApiRoutes {
    private final List<ApiRoutes> described;
    private List<Endpoint> generatedFrom = List.of();
    private ObjectNode document;

    public OpenApiRoutes(ApiDispatcher dispatcher, List<ApiRoutes> described) {
        super(dispatcher);
        this.described = List.copyOf(described);
    }

    @Override
    public void configure() {
        get("/openapi.json", "openapi", Doc.of("This OpenAPI 3.1 description of the API").returns(ObjectNode.class),
            r -> ApiReply.ok(document()));
    }

    /**
     * Builders record their endpoints as they are added to the CamelContext, one by one under OSGi: the description
     * is regenerated whenever the set of endpoints has changed since the last one, and reused otherwise.
     */
    synchronized ObjectNode document() {
        List<Endpoint> endpoints = new ArrayList<>();
        described.forEach(d -> endpoints.addAll(d.endpoints()));
        endpoints.addAll(endpoints());
        // then the plugins' operations, as installed now: the description follows feature:install and uninstall
        endpoints.addAll(PluginOperations.of(getCamelContext(), endpoints));
        if (document == null || !endpoints.equals(generatedFrom)) {
            document = OpenApiDocument.of(endpoints);
            generatedFrom = endpoints;
        }
        return document;
    }
}
