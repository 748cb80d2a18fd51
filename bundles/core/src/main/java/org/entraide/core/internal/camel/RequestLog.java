package org.entraide.core.internal.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.rest.RestEndpoint;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.entraide.core.internal.freshness.ContentVersionTracker;
import org.entraide.core.internal.metrics.HttpMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every HTTP request an id and, once answered, one log line and its metrics. It watches the routes that
 * consume HTTP (REST verbs and the fallback consumer on {@code /}); the routes they call are left alone. The
 * response header is set after the route ran, since the API's replies drop every header they did not write.
 */
public final class RequestLog extends RoutePolicySupport {
    /** The logger of the request lines, named for operators (docs/operations.md). */
    static final Logger REQUESTS = LoggerFactory.getLogger("org.entraide.requests");
    private static final String STARTED = "entraide.requestStarted";
    private static final String METHOD = "entraide.requestMethod";
    private static final String PATH = "entraide.requestPath";
    private static final String BRANDS = "/api/v1/brands/";
    private static final String INSTANCE = "/api/v1/instance/";

    private final HttpMetrics metrics;

    RequestLog(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    /** The factory to add to a CamelContext: every route gets the policy, which ignores non-HTTP routes. */
    static RoutePolicyFactory factory(HttpMetrics metrics) {
        RequestLog policy = new RequestLog(metrics);
        return new RoutePolicyFactory() {
            @Override
            public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
                return policy;
            }
        };
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (!isHttp(route.getEndpoint()) || exchange.getProperty(RequestIds.PROPERTY) != null) {
            return;
        }
        String id = RequestIds.accept(exchange.getIn().getHeader(RequestIds.HEADER, String.class));
        exchange.setProperty(RequestIds.PROPERTY, id);
        exchange.setProperty(STARTED, System.nanoTime());
        exchange.setProperty(METHOD, exchange.getIn().getHeader(Exchange.HTTP_METHOD, "?", String.class));
        exchange.setProperty(PATH, exchange.getIn().getHeader(Exchange.HTTP_URI, "?", String.class));
        MDC.put("requestId", id);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        if (!isHttp(route.getEndpoint()) || started == null) {
            return;
        }
        long nanos = System.nanoTime() - started;
        String id = exchange.getProperty(RequestIds.PROPERTY, String.class);
        exchange.getMessage().setHeader(RequestIds.HEADER, id);
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int status = code != null ? code : exchange.isFailed() ? 500 : 200;
        String method = exchange.getProperty(METHOD, String.class);
        String path = exchange.getProperty(PATH, String.class);
        String template = template(route.getEndpoint(), path);
        metrics.record(template, method, status, nanos);
        contentMoved(exchange, method, path);
        if (REQUESTS.isInfoEnabled()) {
            // printable() is a regular expression over the path: not run for a line nobody writes
            REQUESTS.info("{} {} route={} status={} millis={} requestId={}", method, printable(path), template, status,
                nanos / 1_000_000, id);
        }
        MDC.remove("requestId");
    }

    /**
     * A write through the API may change what a brand's pages show even when it appends no event (a topic, a store, a
     * capability switched): its brand's content version moves before the writer gets its answer. Instance writes
     * (capabilities installed or removed) move every brand's.
     */
    private static void contentMoved(Exchange exchange, String method, String path) {
        if (path == null || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        boolean brand = path.startsWith(BRANDS);
        if (!brand && !path.startsWith(INSTANCE)) {
            return;
        }
        ContentVersionTracker versions = exchange.getContext().getRegistry().lookupByNameAndType(
            org.entraide.api.web.ContentVersions.REGISTRY_NAME, ContentVersionTracker.class);
        if (versions == null) {
            return;
        }
        if (brand) {
            int end = path.indexOf('/', BRANDS.length());
            versions.moved(end < 0 ? path.substring(BRANDS.length()) : path.substring(BRANDS.length(), end));
        } else {
            versions.everyBrandMoved();
        }
    }

    private static boolean isHttp(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        return uri.startsWith("rest:") || uri.startsWith("jetty:");
    }

    private static final java.util.regex.Pattern SLASHES = java.util.regex.Pattern.compile("/+");
    private static final java.util.regex.Pattern TRAILING_SLASH = java.util.regex.Pattern.compile("(.)/$");

    /** The URI template of a REST verb; outside them, {@code web} for the pages or {@code unmatched}. */
    public static String template(Endpoint endpoint, String path) {
        if (endpoint instanceof RestEndpoint rest) {
            String base = rest.getPath() == null ? "" : rest.getPath();
            String uri = rest.getUriTemplate() == null ? "" : rest.getUriTemplate();
            // once per request and per in-process API call: the patterns compiled once
            return TRAILING_SLASH.matcher(SLASHES.matcher("/" + base + "/" + uri).replaceAll("/")).replaceAll("$1");
        }
        return path != null && !path.startsWith("/api/") ? "web" : "unmatched";
    }

    /** A path as a client sent it, with control characters replaced so that it cannot forge log lines. */
    public static String printable(String path) {
        String p = path == null ? "?" : path;
        if (p.length() > 300) {
            p = p.substring(0, 300) + "…";
        }
        return p.replaceAll("[\\p{Cntrl}\\s]", "?");
    }
}
