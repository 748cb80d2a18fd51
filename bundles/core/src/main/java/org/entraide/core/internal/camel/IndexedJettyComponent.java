package org.entraide.core.internal.camel;

import java.util.List;

import org.apache.camel.component.jetty.JettyHttpEndpoint;
import org.apache.camel.component.jetty12.JettyHttpComponent12;
import org.apache.camel.http.common.CamelServlet;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/** Camel's Jetty component, its servlet finding each request's consumer with {@link IndexedRestResolver}. */
final class IndexedJettyComponent extends JettyHttpComponent12 {
    private final RouteChanges routesChanged;

    IndexedJettyComponent(RouteChanges routesChanged) {
        this.routesChanged = routesChanged;
    }

    @Override
    protected CamelServlet createServletForConnector(Server server, Connector connector, List<Handler> handlers,
                                                     JettyHttpEndpoint endpoint) throws Exception {
        CamelServlet servlet = super.createServletForConnector(server, connector, handlers, endpoint);
        servlet.setServletResolveConsumerStrategy(new IndexedRestResolver(routesChanged));
        return servlet;
    }
}
