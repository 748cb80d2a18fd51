package org.entraide.core.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.builder.RouteBuilder;

/**
 * Base of the REST route builders: each endpoint is a REST DSL verb on Jetty that calls a
 * {@code direct:} route, whose id is the stable, readable operation name (such as {@code questions.create}).
 */
public abstract class ApiRoutes extends RouteBuilder {
    public static final String BASE = "/api/v1";
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    protected final ApiDispatcher dispatcher;

    protected ApiRoutes(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    protected void get(String uri, String operationId, ApiOperation op) {
        rest(BASE).get(uri).to(direct(uri, operationId, op));
    }

    protected void post(String uri, String operationId, ApiOperation op) {
        rest(BASE).post(uri).to(direct(uri, operationId, op));
    }

    protected void put(String uri, String operationId, ApiOperation op) {
        rest(BASE).put(uri).to(direct(uri, operationId, op));
    }

    protected void delete(String uri, String operationId, ApiOperation op) {
        rest(BASE).delete(uri).to(direct(uri, operationId, op));
    }

    private String direct(String uri, String operationId, ApiOperation op) {
        String endpoint = "direct:" + operationId;
        from(endpoint).routeId(operationId).process(dispatcher.processor(op, params(uri)));
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
