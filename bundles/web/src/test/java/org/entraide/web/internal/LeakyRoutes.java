package org.entraide.web.internal;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** Deliberately wrong routes, to show that the access matrix covers a route it was not told of and catches it. */
final class LeakyRoutes extends RouteBuilder {
    private final String email;

    LeakyRoutes(String email) {
        this.email = email;
    }

    @Override
    public void configure() {
        // accepts a write from anybody
        rest("/api/v1").post("/brands/{brand}/matrix-leak").to("direct:matrix.leak");
        from("direct:matrix.leak").routeId("matrix.leak").removeHeaders("*")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201)).setBody(constant(null));
        // shows a member's e-mail address to anybody
        rest("/api/v1").get("/brands/{brand}/matrix-emails").to("direct:matrix.emails");
        from("direct:matrix.emails").routeId("matrix.emails").removeHeaders("*")
            .setHeader(Exchange.CONTENT_TYPE, constant("text/plain")).setBody(constant(email));
        // fails whatever the caller
        rest("/api/v1").get("/brands/{brand}/matrix-broken/{id}").to("direct:matrix.broken");
        from("direct:matrix.broken").routeId("matrix.broken").removeHeaders("*")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(500)).setBody(constant(null));
    }
}
