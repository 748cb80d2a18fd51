package org.entraide.core.internal.camel;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.component.rest.RestEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.entraide.api.web.LocalApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The REST routes of the shared CamelContext called in-process: the route serving a method and path is found among
 * the REST routes (rebuilt when routes come and go), and an exchange like the one its HTTP consumer would make runs
 * through it on the caller's thread, route policies included (the request's log line, its metrics, the brand's
 * content version after a write).
 */
public final class LocalApiCalls implements LocalApi {
    /**
     * The exchange property holding the headers of an in-process call, case-insensitive: what the API would read from
     * the HTTP request itself. Never set from outside: HTTP clients set headers, not properties.
     */
    public static final String HEADERS = "entraide.localApiHeaders";
    private static final Logger LOG = LoggerFactory.getLogger(LocalApiCalls.class);
    private static final byte[] NOTHING = new byte[0];

    private final CamelContext context;
    private final RouteChanges routesChanged;
    private volatile Index index = new Index(-1, List.of());

    public LocalApiCalls(CamelContext context) {
        this(context, RouteChanges.of(context));
    }

    LocalApiCalls(CamelContext context, RouteChanges routesChanged) {
        this.context = context;
        this.routesChanged = routesChanged;
    }

    @Override
    public Reply call(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        Match match = index().match(method.toUpperCase(Locale.ROOT), path);
        if (match == null) {
            return null;
        }
        Consumer consumer = match.route().getConsumer();
        if (consumer == null || !ServiceHelper.isStarted(consumer)) {
            return null;
        }
        Exchange exchange = consumer.createExchange(false);
        Message in = exchange.getIn();
        Map<String, String> own = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        own.putAll(headers);
        if (body != null) {
            own.put("Content-Length", String.valueOf(body.length));
            in.setBody(new ByteArrayInputStream(body));
        }
        own.forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_METHOD, method.toUpperCase(Locale.ROOT));
        in.setHeader(Exchange.HTTP_URI, path);
        if (query != null) {
            in.setHeader(Exchange.HTTP_QUERY, query);
        }
        match.parameters().forEach(in::setHeader);
        exchange.setProperty(HEADERS, Collections.unmodifiableMap(own));
        // the route's log policy sets and clears the request id in the MDC: the caller's own is put back
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        try {
            consumer.getProcessor().process(exchange);
            return reply(exchange, method, path);
        } catch (Exception e) {
            exchange.setException(e);
            return reply(exchange, method, path);
        } finally {
            if (mdc == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(mdc);
            }
            consumer.releaseExchange(exchange, false);
        }
    }

    private Reply reply(Exchange exchange, String method, String path) {
        if (exchange.getException() != null) {
            // the API answers its own failures as problems; this is a route that did not
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} on in-process {} {}", incident, method, RequestLog.printable(path), exchange.getException());
            String problem = "{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500,"
                + "\"detail\":\"an unexpected error occurred (incident " + incident + ")\"}";
            return new Reply(500, "application/problem+json", problem.getBytes(StandardCharsets.UTF_8));
        }
        Message out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Object body = out.getBody();
        byte[] bytes = body == null ? NOTHING
            : exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        return new Reply(status == null ? 200 : status, out.getHeader(Exchange.CONTENT_TYPE, String.class),
            bytes == null ? NOTHING : bytes);
    }

    private Index index() {
        long changed = routesChanged.count();
        Index current = index;
        if (current.version() != changed) {
            current = Index.of(changed, context.getRoutes());
            index = current;
        }
        return current;
    }

    /** A REST operation: its method, its path's segments, and which of them are placeholders (their names). */
    record Operation(String method, String[] segments, String[] names, int placeholders, Route route) {
        static Operation of(RestEndpoint rest, Route route) {
            String template = ("/" + nullToEmpty(rest.getPath()) + "/" + nullToEmpty(rest.getUriTemplate()))
                .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
            String[] segments = template.substring(1).split("/", -1);
            String[] names = new String[segments.length];
            int placeholders = 0;
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.length() > 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
                    names[i] = s.substring(1, s.length() - 1);
                    placeholders++;
                }
            }
            return new Operation(rest.getMethod().toUpperCase(Locale.ROOT), segments, names, placeholders, route);
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }

        boolean matches(String[] path) {
            if (path.length != segments.length) {
                return false;
            }
            for (int i = 0; i < path.length; i++) {
                if (names[i] == null ? !segments[i].equals(path[i]) : path[i].isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    record Match(Route route, Map<String, String> parameters) {
    }

    /** The REST operations of the context at one version of its routes, grouped by method. */
    record Index(long version, List<Operation> operations) {
        static Index of(long version, List<Route> routes) {
            List<Operation> ops = new ArrayList<>();
            for (Route r : routes) {
                if (r.getEndpoint() instanceof RestEndpoint rest && rest.getMethod() != null) {
                    ops.add(Operation.of(rest, r));
                }
            }
            return new Index(version, List.copyOf(ops));
        }

        /**
         * The operation serving {@code method path}: of those that match, the one with the fewest placeholders, then
         * the one whose first placeholder comes last ({@code /questions/search} before {@code /questions/{id}}), as
         * Camel's HTTP consumer chooses. Null for a path the HTTP server would normalise or refuse first.
         */
        Match match(String method, String path) {
            if (!path.startsWith("/") || path.endsWith("/") || path.contains("//") || path.contains("/.")
                || path.indexOf(';') >= 0) {
                return null;
            }
            String[] segments = path.substring(1).split("/", -1);
            Operation best = null;
            for (Operation op : operations) {
                if (op.method().equals(method) && op.matches(segments) && (best == null || better(op, best))) {
                    best = op;
                }
            }
            if (best == null) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>();
            try {
                for (int i = 0; i < segments.length; i++) {
                    if (best.names()[i] != null) {
                        // the servlet's path is decoded before Camel reads its placeholders; '+' is a plus in a path
                        parameters.put(best.names()[i], URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return null; // the HTTP server answers it with its own 400
            }
            return new Match(best.route(), parameters);
        }

        private static boolean better(Operation a, Operation b) {
            if (a.placeholders() != b.placeholders()) {
                return a.placeholders() < b.placeholders();
            }
            return firstPlaceholder(a) > firstPlaceholder(b);
        }

        private static int firstPlaceholder(Operation op) {
            for (int i = 0; i < op.names().length; i++) {
                if (op.names()[i] != null) {
                    return i;
                }
            }
            return op.names().length;
        }
    }
}
