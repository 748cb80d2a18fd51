package org.entraide.core.internal.camel;

import java.util.Map;

import org.apache.camel.component.jetty.JettyHttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.entraide.core.internal.metrics.HttpMetrics;

/** How Entraide configures a CamelContext, shared by the OSGi component and the tests. */
public final class CamelContexts {
    /** The registry name of the header filter of the REST endpoints. */
    public static final String HEADER_FILTER = "entraideHeaderFilter";
    /** The registry name of the context's {@link HttpMetrics}, which the core's metrics endpoint reads. */
    public static final String HTTP_METRICS = "entraideHttpMetrics";

    private CamelContexts() {
    }

    public static DefaultCamelContext create(String name, String host, int port) {
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName(name);
        // Every Camel component is embedded in the org.entraide.camel bundle: resolve through its class loader.
        ctx.setApplicationContextClassLoader(DefaultCamelContext.class.getClassLoader());
        // Request bodies are read by the API with a size limit; stream caching would spool them first.
        ctx.setStreamCaching(false);
        ctx.getRestConfiguration().setComponent("jetty");
        ctx.getRestConfiguration().setHost(host);
        ctx.getRestConfiguration().setPort(port);
        ctx.getRestConfiguration().setBindingMode("off");
        ctx.getRegistry().bind(HEADER_FILTER, new ResponseHeaderFilter());
        ctx.getRestConfiguration().setEndpointProperties(Map.of("headerFilterStrategy", "#" + HEADER_FILTER));
        ctx.addLifecycleStrategy(new JsonOnlyApi());
        HttpMetrics metrics = new HttpMetrics();
        ctx.getRegistry().bind(HTTP_METRICS, metrics);
        ctx.addRoutePolicyFactory(RequestLog.factory(metrics));
        // The container's own answers (bad URIs, unknown methods) are problems too, and nothing names the server.
        JettyHttpComponent jetty = ctx.getComponent("jetty", JettyHttpComponent.class);
        jetty.setSendServerVersion(false);
        jetty.setErrorHandler(new ProblemErrorPages(new AllowedMethods(ctx)));
        return ctx;
    }
}
