package org.entraide.core.internal.rest;

import org.apache.camel.Exchange;
import org.entraide.api.problem.ProblemException;

/**
 * Answers requests that match no endpoint with a JSON problem (404, or 405 for a known path with another
 * method) rather than the servlet container's HTML page.
 */
public final class FallbackRoutes extends ApiRoutes {
    public FallbackRoutes(ApiDispatcher dispatcher) {
        super(dispatcher);
    }

    @Override
    public void configure() {
        var rest = getCamelContext().getRestConfiguration();
        fromF("jetty:http://%s:%d/?matchOnUriPrefix=true&enableMultipartFilter=false", rest.getHost(), rest.getPort()).routeId("api.not-found")
            .process(dispatcher.processor(r -> {
                throw ProblemException.notFound("no endpoint here; the API is described at " + BASE + "/openapi.json");
            }))
            .process(e -> e.getMessage().removeHeader(Exchange.HTTP_PATH));
    }
}
