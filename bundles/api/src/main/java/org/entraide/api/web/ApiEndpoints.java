package org.entraide.api.web;

import java.util.Set;

import org.apache.camel.Processor;

/**
 * Turns handlers into the Camel processors of REST routes. The platform provides it.
 * Use it in a plugin's RouteBuilder: {@code rest("/api/v1").get("/brands/{brand}/things").to("direct:things.list");
 * from("direct:things.list").routeId("things.list").process(endpoints.processor("things", handler, "brand"));}
 */
public interface ApiEndpoints {
    /** The base path of the API, "/api/v1". */
    String BASE = "/api/v1";

    /**
     * @param capability the plugin's capability: for a URL whose brand disabled it, the endpoint answers 404;
     *                   null for endpoints that are not per brand
     * @param pathParams the names of the route's path parameters, such as "brand" and "id"
     */
    Processor processor(String capability, ApiHandler handler, String... pathParams);

    /**
     * The same, for an endpoint that reads only the query parameters {@code queryParams}: a request with any other
     * is answered 400, as the core's endpoints do, and reading an undeclared one is a programming error.
     */
    Processor processor(String capability, ApiHandler handler, Set<String> queryParams, String... pathParams);

    /**
     * The same, for an endpoint whose body is a file rather than JSON: {@link ApiCall#upload()} reads it, when its
     * Content-Type is one of {@code mediaTypes} (415 otherwise) and it is at most {@code maxBytes} long (413
     * otherwise, before it is read when Content-Length says so). The OpenAPI description says both.
     *
     * @since 1.3
     */
    default Processor uploadProcessor(String capability, ApiHandler handler, int maxBytes, Set<String> mediaTypes,
                                      String... pathParams) {
        throw new UnsupportedOperationException("this platform takes no uploads");
    }
}
