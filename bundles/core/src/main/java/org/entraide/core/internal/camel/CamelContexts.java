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

    /** Bounds of the answers kept in front of Camel: a copy lives about a second, so these are rarely reached. */
    static final int FRONT_ENTRIES = 2_000;
    static final long FRONT_BYTES = 32L << 20;
    /** The HTTP server's threads at most. */
    static final int MAX_THREADS = 1_000;

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
        // anonymous answers the same for everyone, served before Camel (the fallback consumer installs the filter)
        FrontCache front = new FrontCache(metrics, FRONT_ENTRIES, FRONT_BYTES, System::nanoTime);
        ctx.getRegistry().bind(FrontCache.FILTER_NAME, front);
        ctx.getRegistry().bind(org.entraide.api.web.SharedAnswers.REGISTRY_NAME, front);
        RouteChanges routesChanged = RouteChanges.of(ctx);
        // pages made on this node call the API in-process rather than over loopback HTTP
        ctx.getRegistry().bind(org.entraide.api.web.LocalApi.REGISTRY_NAME, new LocalApiCalls(ctx, routesChanged));
        // each request's route found in an index rather than by Camel's scan of every route's path
        ctx.addComponent("jetty", new IndexedJettyComponent(routesChanged));
        // The container's own answers (bad URIs, unknown methods) are problems too, and nothing names the server.
        JettyHttpComponent jetty = ctx.getComponent("jetty", JettyHttpComponent.class);
        jetty.setSendServerVersion(false);
        // pages wait for their own API calls on loopback, which need threads of the same pool: more than Jetty's
        // 200, so that the pages' few renders at a time (web's RENDERS_AT_ONCE) always find threads for their calls
        // whatever number of visitors wait for a page (idle threads end after a minute)
        jetty.setMaxThreads(MAX_THREADS);
        jetty.setErrorHandler(new ProblemErrorPages(new AllowedMethods(ctx)));
        return ctx;
    }
}
