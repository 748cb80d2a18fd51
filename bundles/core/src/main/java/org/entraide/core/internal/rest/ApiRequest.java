package org.entraide.core.internal.rest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.entraide.api.model.Brand;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.web.ApiCall;
import org.entraide.core.internal.paging.ListRequest;
import org.entraide.core.internal.paging.PageRequest;

/**
 * A parsed HTTP request: path and query parameters, the body as JSON, and the caller resolved lazily
 * from the bearer token (public endpoints never touch the token table).
 */
public final class ApiRequest implements ApiCall {
    /** Reads and validates the body as the given type. */
    @FunctionalInterface
    interface BodyReader {
        <T> T read(Class<T> type);

        /** The raw body of an endpoint that declares an upload. */
        default Upload upload() {
            throw new IllegalStateException("no upload here");
        }
    }

    private final Map<String, String> path;
    private final Map<String, String> query;
    private final Set<String> queryNames;
    private final BodyReader body;
    private final Supplier<Optional<Caller>> caller;
    private final Supplier<String> authorization;
    private final java.util.function.Function<String, Brand> brands;
    private final String clientAddress;
    private java.util.function.UnaryOperator<String> headers = name -> null;

    ApiRequest(Map<String, String> path, Map<String, String> query, BodyReader body, Supplier<Optional<Caller>> caller,
               Supplier<String> authorization, java.util.function.Function<String, Brand> brands) {
        this(path, query, null, body, caller, authorization, brands, "unknown");
    }

    /** {@code queryNames}: the query parameters the endpoint documents and may read; null for any. */
    ApiRequest(Map<String, String> path, Map<String, String> query, Set<String> queryNames, BodyReader body,
               Supplier<Optional<Caller>> caller, Supplier<String> authorization,
               java.util.function.Function<String, Brand> brands, String clientAddress) {
        this.clientAddress = clientAddress;
        this.path = path;
        this.query = query;
        this.queryNames = queryNames;
        this.body = body;
        this.caller = caller;
        this.authorization = authorization;
        this.brands = brands;
    }

    public String path(String name) {
        String v = path.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }

    public long pathId(String name) {
        try {
            long id = Long.parseLong(path(name));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.notFound("no resource '" + path(name) + "'");
    }

    /** The brand of the URL; 404 when there is none with that slug. */
    public Brand brand() {
        return brands.apply(path("brand"));
    }

    public String query(String name) {
        if (queryNames != null && !queryNames.contains(name)) {
            // a parameter missing from the endpoint's Doc would be missing from the OpenAPI description too
            throw new IllegalStateException("route reads the undocumented query parameter " + name);
        }
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public PageRequest page() {
        return new PageRequest(intQuery("page", 1), intQuery("size", 20));
    }

    /** The page of a keyset list: {@code page} and {@code size}, or {@code after} (a cursor) and {@code size}. */
    public ListRequest list() {
        return ListRequest.of(intQuery("page"), intQuery("size"), query("after"));
    }

    private int intQuery(String name, int fallback) {
        Integer v = intQuery(name);
        return v == null ? fallback : v;
    }

    private Integer intQuery(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }

    public <T> T body(Class<T> type) {
        return body.read(type);
    }

    /** The raw body of an endpoint registered with {@code Doc.upload}; 415 for another media type, 413 when too large. */
    @Override
    public Upload upload() {
        return body.upload();
    }

    /** The caller, if the request carries a token of the URL's brand; another brand's token counts as none. */
    public Optional<Caller> optionalCaller() {
        return caller.get().filter(this::ofTheUrlsBrand);
    }

    /**
     * The authenticated caller; 401 without a token, 403 when the token belongs to another brand than the URL's
     * (a token is valid on its own brand only, whatever the endpoint checks afterwards).
     */
    public Caller caller() {
        Caller c = caller.get().orElseThrow(() -> ProblemException.unauthorized("this endpoint needs a bearer token"));
        if (!ofTheUrlsBrand(c)) {
            brand(); // an unknown brand is a 404 before anything else
            throw ProblemException.forbidden("this token belongs to an account of another brand");
        }
        return c;
    }

    private boolean ofTheUrlsBrand(Caller c) {
        String slug = path.get("brand");
        return slug == null || slug.equals(c.brandSlug());
    }

    /** The client's address, as rate limits count it (see {@link ClientAddress}). */
    public String clientAddress() {
        return clientAddress;
    }

    /** Lets handlers read the request's own headers (not query parameters Camel copied among them). */
    ApiRequest withHeaders(java.util.function.UnaryOperator<String> headers) {
        this.headers = headers;
        return this;
    }

    @Override
    public String header(String name) {
        return headers.apply(name);
    }

    public String authorizationHeader() {
        return authorization.get();
    }
}
