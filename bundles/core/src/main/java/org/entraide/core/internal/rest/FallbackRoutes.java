package org.entraide.core.internal.rest;

import org.apache.camel.Exchange;
import org.entraide.api.problem.ProblemException;

/**
 * Answers requests that match no endpoint with a JSON problem (404, or 405 for a known path with another
 * method) rather than the servlet container's HTML page. Paths outside the API go to the web pages' route
 * ({@link #WEB}) when a bundle provides it: one prefix consumer on {@code /} must own them, since Camel's
 * servlet cannot choose between two prefix consumers.
 */
public final class FallbackRoutes extends ApiRoutes {
    public FallbackRoutes(ApiDispatcher dispatcher) {
        super(dispatcher);
    }

    /** The endpoint that renders pages outside {@code /api/}, and the id of the route that consumes it. */
    public static final String WEB = "direct:entraide.web";
    public static final String WEB_ROUTE = "web.pages";

    @Override
    public void configure() {
        var rest = getCamelContext().getRestConfiguration();
        fromF("jetty:http://%s:%d/?matchOnUriPrefix=true&enableMultipartFilter=false&filters=#%s", rest.getHost(), rest.getPort(),
                org.entraide.core.internal.camel.FrontCache.FILTER_NAME).routeId("api.not-found")
            .choice()
                .when(e -> !e.getMessage().getHeader(Exchange.HTTP_URI, "", String.class).startsWith("/api/")
                    && e.getContext().getRoute(WEB_ROUTE) != null)
                    .to(WEB)
                .otherwise()
                    .process(dispatcher.processor(r -> {
                        throw ProblemException.notFound("no endpoint here; the API is described at " + BASE + "/openapi.json");
                    }))
                    .process(e -> e.getMessage().removeHeader(Exchange.HTTP_PATH))
            .end();
    }
}
