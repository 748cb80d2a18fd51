package org.entraide.core.internal.rest;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.security.RequestAuthenticator;
import org.entraide.core.internal.rest.openapi.Doc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link ApiOperation} for a Camel REST exchange: reads the request, calls the operation and writes
 * JSON, or an RFC 9457 problem. Request headers never leak into the response, and an unexpected failure
 * answers a 500 with an incident id, never a stack trace.
 */
public final class ApiDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    static final String PROBLEM_BASE = "https://entraide.org/problems/";
    /** The request headers the API reads. Camel copies query parameters and form fields into message headers too. */
    private static final List<String> READ_HEADERS = List.of("Authorization", "Content-Type", "Content-Length");

    private final ObjectMapper json;
    private final RequestBodies bodies;
    private final RequestAuthenticator authenticator;
    private final Function<String, Brand> brands;

    private final ClientAddress clientAddress;
    private volatile KeyGate keys;

    /**
     * API keys, a second kind of caller: before any operation, a key is resolved, held to the operations its scopes
     * list and to its rate limit; afterwards, a request other than a read is logged with the key.
     */
    public interface KeyGate {
        /** The caller of a key allowed to call {@code method path}; 401 for a bad key, 403 outside its scopes, 429. */
        org.entraide.core.internal.apikey.ApiKeys.KeyCaller admit(String authorization, String method, String path);

        /** Logs what a key did, with the status it was answered. */
        void done(org.entraide.core.internal.apikey.ApiKeys.KeyCaller key, String method, String path, int status);
    }

    public ApiDispatcher(ObjectMapper json, RequestBodies bodies, RequestAuthenticator authenticator,
                         Function<String, Brand> brands, ClientAddress clientAddress) {
        this.json = json;
        this.bodies = bodies;
        this.authenticator = authenticator;
        this.brands = brands;
        this.clientAddress = clientAddress;
    }

    /** Keeps anonymous answers that are the same for everyone (see {@link SharedReads}); without it, none is kept. */
    public void keepSharedReads(org.entraide.api.web.ContentVersions versions, int maxEntries, long maxAgeNanos) {
        this.sharedReads = maxEntries > 0 && maxAgeNanos > 0
            ? new SharedReads(versions, maxEntries, maxAgeNanos, System::nanoTime) : null;
    }

    /** Lets API keys in; without a gate, a key is refused as a malformed token. */
    public void keys(KeyGate gate) {
        this.keys = gate;
    }

    private volatile SharedReads sharedReads;
    private volatile org.entraide.api.web.SharedAnswers front;

    /** Also hands the anonymous reads it keeps to the cache in front of Camel, which serves them before any route. */
    public void shareWith(org.entraide.api.web.SharedAnswers answers) {
        this.front = answers;
    }

    /** The Camel processor of one endpoint; {@code pathParams} are the names in its URI template. */
    public Processor processor(ApiOperation op, String... pathParams) {
        return exchange -> run(exchange, op, null, null, pathParams);
    }

    /** The same, for an endpoint that may read only the query parameters {@code queryNames}. */
    public Processor processor(ApiOperation op, Set<String> queryNames, String... pathParams) {
        return processor(op, queryNames, null, pathParams);
    }

    /** The same, for an endpoint that reads a raw body ({@code upload}, such as an image) instead of JSON. */
    public Processor processor(ApiOperation op, Set<String> queryNames, Doc.Upload upload, String... pathParams) {
        Set<String> declared = Set.copyOf(queryNames);
        return exchange -> run(exchange, op, declared, upload, pathParams);
    }

    private void run(Exchange exchange, ApiOperation op, Set<String> queryNames, Doc.Upload upload, String[] pathParams)
            throws Exception {
        Message in = exchange.getIn();
        String method = in.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        Map<String, String> path = new HashMap<>();
        for (String p : pathParams) {
            path.put(p, in.getHeader(p, String.class));
        }
        SharedReads reads = sharedReads;
        String readKey = null;
        String readQuery = null;
        long readVersion = 0;
        long readAt = 0;
        if (reads != null && method.equals("GET") && path.get("brand") != null && requestHeader(in, "Authorization") == null) {
            // the version is read before the answer is made: a write committed meanwhile makes this copy stale at once
            readVersion = reads.version(path.get("brand"));
            readAt = reads.now();
            String q = in.getHeader(Exchange.HTTP_QUERY, String.class);
            readQuery = q;
            readKey = in.getHeader(Exchange.HTTP_URI, String.class) + (q == null || q.isEmpty() ? "" : "?" + q);
            SharedReads.Kept hit = reads.find(readKey, readVersion);
            if (hit != null) {
                String ifNoneMatch = requestHeader(in, "If-None-Match");
                Message out = exchange.getMessage();
                out.removeHeaders("*");
                out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                out.setHeader("X-Content-Type-Options", "nosniff");
                out.setHeader(Exchange.CONTENT_TYPE, "application/json");
                out.setBody(hit.body());
                HttpCaching.apply(ifNoneMatch, out, hit.etag());
                return;
            }
        }
        InputStream stream = method.equals("GET") ? null : in.getBody(InputStream.class);

        ApiReply reply;
        boolean anonymous;
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        org.entraide.core.internal.apikey.ApiKeys.KeyCaller[] key = new org.entraide.core.internal.apikey.ApiKeys.KeyCaller[1];
        try {
            Map<String, String> query = parseQuery(in.getHeader(Exchange.HTTP_QUERY, String.class));
            refuseHeadersInQuery(query);
            refuseUnknownQuery(query, queryNames);
            String contentType = requestHeader(in, Exchange.CONTENT_TYPE);
            if (contentType != null && isForm(contentType)) {
                // refused before any other header is read: the form's fields are among them
                throw ProblemException.unsupportedMediaType("send the body as application/json");
            }
            String authorization = requestHeader(in, "Authorization");
            anonymous = authorization == null;
            String lengthHeader = requestHeader(in, "Content-Length");
            Long contentLength = lengthHeader == null ? null : parseLength(lengthHeader);
            int limit = upload != null ? upload.maxBytes() : bodies.maxBytes();
            if (contentLength != null && contentLength > limit) {
                throw ProblemException.tooLarge("the request body exceeds " + limit + " bytes");
            }
            KeyGate gate = keys;
            java.util.function.Supplier<Optional<Caller>> caller;
            if (gate != null && org.entraide.core.internal.apikey.ApiKeys.isKey(authorization)) {
                key[0] = gate.admit(authorization, method, uri);
                Optional<Caller> keyCaller = Optional.of(key[0].caller());
                caller = () -> keyCaller;
            } else {
                caller = memo(authorization);
            }
            ApiRequest request = new ApiRequest(path, query, queryNames, bodyReader(stream, contentType, upload),
                caller, () -> authorization, brands, client(exchange)).withHeaders(name -> servletHeader(exchange, name));
            reply = op.handle(request);
        } catch (ProblemException e) {
            keyDone(key[0], method, uri, e.status());
            writeProblem(exchange, e);
            return;
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} on {} {}", incident, method, in.getHeader(Exchange.HTTP_URI), e);
            keyDone(key[0], method, uri, 500);
            writeProblem(exchange, new ProblemException(500, "internal", "Internal error",
                "an unexpected error occurred (incident " + incident + ")", null, null));
            return;
        }
        keyDone(key[0], method, uri, reply.status());
        // read before the request's headers go: the response is the same message
        String ifNoneMatch = reply.shared() ? requestHeader(in, "If-None-Match") : null;
        String links = reply.status() == 200 ? PageLinks.of(reply.body(), uri, in.getHeader(Exchange.HTTP_QUERY, String.class)) : null;
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("X-Content-Type-Options", "nosniff");
        if (reply.location() != null) {
            out.setHeader("Location", reply.location());
        }
        if (links != null) {
            out.setHeader("Link", links);
        }
        if (reply.body() == null) {
            out.setBody(null);
        } else if (reply.body() instanceof ApiReply.Binary binary) {
            out.setHeader(Exchange.CONTENT_TYPE, binary.mediaType());
            // the same bytes for everyone: kept a while by browsers, never sniffed, never run as a page
            // or, for one reader's bytes (an attachment), kept by no cache at all
            out.setHeader("Cache-Control", reply.shared() ? "public, max-age=300" : "private, no-store");
            out.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            // a plugin's image may depend on the Accept header (PNG or SVG): caches keep one per media type
            out.setHeader("Vary", "Accept");
            out.setBody(binary.content());
        } else if (reply.body() instanceof org.entraide.api.web.ApiResult.Text text) {
            out.setHeader(Exchange.CONTENT_TYPE, text.mediaType());
            out.setBody(text.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            out.setHeader(Exchange.CONTENT_TYPE, "application/json");
            byte[] bytes = json.writeValueAsBytes(reply.body());
            out.setBody(bytes);
            if (reply.shared() && reply.status() == 200) {
                String etag = anonymous ? HttpCaching.etag(bytes) : null;
                if (etag != null && readKey != null) {
                    reads.keep(readKey, readVersion, readAt, bytes, etag);
                }
                HttpCaching.apply(ifNoneMatch, out, etag);
                if (etag != null && readKey != null && links == null) {
                    shareInFront(exchange, path.get("brand"), uri, readQuery, readVersion, readAt, reads.maxAgeNanos(), bytes, etag);
                }
            }
        }
    }

    /**
     * The same read, with the headers it was just given, for the cache in front of Camel; not when the request
     * carries a cookie other than the language's (then no key).
     */
    private void shareInFront(Exchange exchange, String brand, String uri, String query, long version, long madeAt, long maxAge, byte[] bytes,
                              String etag) {
        org.entraide.api.web.SharedAnswers answers = front;
        if (answers == null) {
            return;
        }
        String key = org.entraide.api.web.SharedAnswers.key(uri, query,
            servletHeader(exchange, "Accept-Language"), servletHeader(exchange, "Cookie"));
        if (key == null) {
            return;
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", HttpCaching.PUBLIC);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Vary", "Authorization, Accept-Encoding");
        headers.put("ETag", etag);
        answers.keep(new org.entraide.api.web.SharedAnswer(key, brand, version, madeAt, maxAge,
            org.entraide.core.internal.camel.RequestLog.template(exchange.getFromEndpoint(), uri), 200, headers, bytes, etag,
            false));
    }

    /** Logs a key's request other than a read; a failure to log is logged, and the answer still goes. */
    private void keyDone(org.entraide.core.internal.apikey.ApiKeys.KeyCaller key, String method, String uri, int status) {
        if (key == null || method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        try {
            keys.done(key, method, uri, status);
        } catch (RuntimeException e) {
            LOG.error("could not log the action of API key {} on {} {}", key.keyId(), method, uri, e);
        }
    }

    /** A header of the HTTP request itself: Camel's message headers also hold the query's parameters. */
    private static String servletHeader(Exchange exchange, String name) {
        jakarta.servlet.http.HttpServletRequest servlet = servlet(exchange);
        if (servlet != null) {
            return servlet.getHeader(name);
        }
        Map<String, String> local = localHeaders(exchange);
        return local == null ? null : local.get(name);
    }

    /** The HTTP request of the exchange; null for an in-process call. */
    private static jakarta.servlet.http.HttpServletRequest servlet(Exchange exchange) {
        Message in = exchange.getIn();
        return in instanceof org.apache.camel.http.common.HttpMessage http
            ? http.getRequest() : in.getHeader(Exchange.HTTP_SERVLET_REQUEST, jakarta.servlet.http.HttpServletRequest.class);
    }

    /** The headers of an in-process call ({@link org.entraide.core.internal.camel.LocalApiCalls}), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> localHeaders(Exchange exchange) {
        return exchange.getProperty(org.entraide.core.internal.camel.LocalApiCalls.HEADERS, Map.class);
    }

    /** The connection's remote address, or the client behind a trusted proxy; never a header alone. */
    private String client(Exchange exchange) {
        jakarta.servlet.http.HttpServletRequest servlet = servlet(exchange);
        if (servlet == null) {
            Map<String, String> local = localHeaders(exchange);
            // an in-process call comes from a page of this node, as one over loopback would
            return local == null ? "unknown" : clientAddress.of("127.0.0.1", local.get("X-Forwarded-For"));
        }
        return clientAddress.of(servlet.getRemoteAddr(), servlet.getHeader("X-Forwarded-For"));
    }

    private ApiRequest.BodyReader bodyReader(InputStream stream, String contentType, Doc.Upload upload) {
        return new ApiRequest.BodyReader() {
            private byte[] cached;

            @Override
            public org.entraide.api.web.ApiCall.Upload upload() {
                if (upload == null) {
                    throw new IllegalStateException("the endpoint does not declare an upload");
                }
                String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
                if (!upload.mediaTypes().contains(media)) {
                    throw ProblemException.unsupportedMediaType("send the body as one of " + String.join(", ", upload.mediaTypes()));
                }
                return new org.entraide.api.web.ApiCall.Upload(media, bodies.readRaw(stream, upload.maxBytes()));
            }

            @Override
            public <T> T read(Class<T> type) {
                if (upload != null) {
                    throw new IllegalStateException("the endpoint reads an upload, not JSON");
                }
                if (contentType == null || !isJson(contentType)) {
                    throw ProblemException.unsupportedMediaType("send the body as application/json");
                }
                if (cached == null) {
                    cached = bodies.read(stream);
                }
                return bodies.parse(cached, type);
            }
        };
    }

    private java.util.function.Supplier<Optional<Caller>> memo(String authorization) {
        return new java.util.function.Supplier<>() {
            private Optional<Caller> caller;

            @Override
            public Optional<Caller> get() {
                if (caller == null) {
                    caller = authenticator.authenticate(authorization);
                }
                return caller;
            }
        };
    }

    void writeProblem(Exchange exchange, ProblemException e) throws Exception {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_BASE + e.type());
        problem.put("title", e.title());
        problem.put("status", e.status());
        problem.put("detail", e.detail());
        if (!e.errors().isEmpty()) {
            problem.put("errors", e.errors());
        }
        problem.putAll(e.extensions());
        String requestId = exchange.getProperty(org.entraide.core.internal.camel.RequestIds.PROPERTY, String.class);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, e.status());
        out.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("X-Content-Type-Options", "nosniff");
        if (e.status() == 401) {
            out.setHeader("WWW-Authenticate", "Bearer");
        }
        if (e.extensions().get("retryAfter") != null) {
            out.setHeader("Retry-After", String.valueOf(e.extensions().get("retryAfter")));
        }
        out.setBody(json.writeValueAsBytes(problem));
    }

    /** A token or a media type in the URL would pass for the request header, and URLs end up in logs. */
    /** A parameter the operation does not read is a mistake of the client's: say so rather than ignore it. */
    static void refuseUnknownQuery(Map<String, String> query, Set<String> queryNames) {
        if (queryNames == null) {
            return;
        }
        for (String name : query.keySet()) {
            if (!queryNames.contains(name)) {
                String known = queryNames.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(queryNames));
                throw ProblemException.invalid(name, "unknown query parameter; this operation reads: " + known);
            }
        }
    }

    static void refuseHeadersInQuery(Map<String, String> query) {
        for (String name : query.keySet()) {
            for (String header : READ_HEADERS) {
                if (header.equalsIgnoreCase(name)) {
                    throw ProblemException.badRequest("'" + header + "' goes in a request header, not in the query string");
                }
            }
        }
    }

    /** The HTTP header itself: Camel appends a same-named parameter after it, as a list. */
    private static String requestHeader(Message in, String name) {
        Object value = in.getHeader(name);
        if (value instanceof List<?> values) {
            value = values.isEmpty() ? null : values.get(0);
        }
        return value == null ? null : value.toString();
    }

    private static Long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("malformed Content-Length");
        }
    }

    static boolean isForm(String contentType) {
        String base = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return base.equals("application/x-www-form-urlencoded") || base.startsWith("multipart/");
    }

    static boolean isJson(String contentType) {
        String base = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return base.equals("application/json") || base.endsWith("+json");
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("malformed query string");
            }
        }
        return out;
    }

}
