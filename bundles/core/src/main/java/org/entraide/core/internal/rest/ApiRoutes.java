package org.entraide.core.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.builder.RouteBuilder;
import org.entraide.core.internal.rest.openapi.Doc;
import org.entraide.core.internal.rest.openapi.Endpoint;

/**
 * Base of the REST route builders: each endpoint is a REST DSL verb on Jetty that calls a
 * {@code direct:} route, whose id is the stable, readable operation name (such as {@code questions.create}).
 * Each registration carries a {@link Doc} of what the endpoint promises, from which the OpenAPI description is built.
 */
public abstract class ApiRoutes extends RouteBuilder {
    public static final String BASE = "/api/v1";
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    protected final ApiDispatcher dispatcher;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();

    protected ApiRoutes(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    protected void get(String uri, String operationId, Doc doc, ApiOperation op) {
        rest(base()).get(uri).to(direct("GET", uri, operationId, doc, op));
    }

    protected void post(String uri, String operationId, Doc doc, ApiOperation op) {
        rest(base()).post(uri).to(direct("POST", uri, operationId, doc, op));
    }

    protected void put(String uri, String operationId, Doc doc, ApiOperation op) {
        rest(base()).put(uri).to(direct("PUT", uri, operationId, doc, op));
    }

    protected void patch(String uri, String operationId, Doc doc, ApiOperation op) {
        rest(BASE).patch(uri).to(direct("PATCH", uri, operationId, doc, op));
    }

    protected void delete(String uri, String operationId, Doc doc, ApiOperation op) {
        rest(base()).delete(uri).to(direct("DELETE", uri, operationId, doc, op));
    }

    /** The path the URIs of this builder are under: the API's, unless operations endpoints live elsewhere. */
    protected String base() {
        return BASE;
    }

    /** The endpoints registered so far, with what each promises: the source of the OpenAPI description. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    private String direct(String method, String uri, String operationId, Doc doc, ApiOperation op) {
        endpoints.add(new Endpoint(method, base() + uri, operationId, doc));
        String endpoint = "direct:" + operationId;
        // The endpoint may read only the query parameters it documents.
        from(endpoint).routeId(operationId).process(dispatcher.processor(op, doc.queryNames(), doc.upload(), params(uri)));
        return endpoint;
    }

    static String[] params(String uri) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(uri);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.toArray(String[]::new);
    }

    protected static String location(String brand, String collection, long id) {
        return BASE + "/brands/" + brand + "/" + collection + "/" + id;
    }
}
