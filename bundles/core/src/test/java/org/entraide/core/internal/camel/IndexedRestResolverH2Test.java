package org.entraide.core.internal.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.http.common.HttpRestServletResolveConsumerStrategy;
import org.apache.camel.http.common.ServletResolveConsumerStrategy;
import org.entraide.core.internal.support.ApiScenarios;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The consumer of each request, found from the index, is the one Camel's own REST strategy finds, for every route of
 * the core and a few made to be awkward (a tie Camel refuses, a literal beside a template, a path with a trailing
 * slash), for every method, in any case, with and without slashes around; and the index follows routes as they come
 * and go.
 */
class IndexedRestResolverH2Test extends ApiScenarios {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }

    /** The HTTP consumers of the context, keyed as Camel's servlet keys them. */
    private Map<String, HttpConsumer> consumers() {
        Map<String, HttpConsumer> out = new ConcurrentHashMap<>();
        for (Route r : server.camel().getRoutes()) {
            if (r.getConsumer() instanceof HttpConsumer c && server.camel().getRouteController().getRouteStatus(r.getRouteId())
                .isStarted()) {
                out.put(c.getEndpoint().getEndpointUri(), c);
            }
        }
        return out;
    }

    private static HttpServletRequest request(String method, String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(IndexedRestResolverH2Test.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                case "getPathInfo", "getRequestURI" -> path;
                case "getMethod" -> method;
                case "toString" -> method + " " + path;
                default -> m.getReturnType() == boolean.class ? false : m.getReturnType() == int.class ? 0 : null;
            });
    }

    /** What a strategy answers: the consumer, or the kind of failure Camel raises (an ambiguous path). */
    private static Object answer(ServletResolveConsumerStrategy s, HttpServletRequest request, Map<String, HttpConsumer> consumers) {
        try {
            return s.resolve(request, consumers);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static Object allowed(ServletResolveConsumerStrategy s, HttpServletRequest request, String method,
                                  Map<String, HttpConsumer> consumers) {
        try {
            return s.isHttpMethodAllowed(request, method, consumers);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    /** Request paths made from each consumer's path: filled, in other cases, with slashes, longer, shorter, unknown. */
    private static Set<String> paths(Map<String, HttpConsumer> consumers) {
        Set<String> paths = new LinkedHashSet<>();
        for (HttpConsumer c : consumers.values()) {
            String template = c.getPath();
            for (String value : List.of("demo", "123", "search", "Ab-9")) {
                String filled = template.replaceAll("\\{[^}/]+}", value);
                paths.add(filled);
                paths.add(filled.toUpperCase(java.util.Locale.ROOT));
                paths.add(filled + "/");
                paths.add(filled + "/extra");
                paths.add(filled.replaceFirst("/[^/]*$", ""));
                paths.add(filled.replace("/", "//"));
            }
            paths.add(template);
        }
        paths.addAll(List.of("/", "", "/nothing/here", "/api", "/api/v1/brands", "/api/v1/brands/demo/nope/1"));
        return paths;
    }

    private int compareEverywhere(Map<String, HttpConsumer> consumers) {
        IndexedRestResolver indexed = new IndexedRestResolver(RouteChanges.of(server.camel()));
        HttpRestServletResolveConsumerStrategy camel = new HttpRestServletResolveConsumerStrategy();
        int found = 0;
        List<String> differences = new ArrayList<>();
        for (String path : paths(consumers)) {
            for (String method : METHODS) {
                HttpServletRequest request = request(method, path);
                Object expected = answer(camel, request, consumers);
                Object actual = answer(indexed, request, consumers);
                if (expected != actual) {
                    differences.add(method + " " + path + ": Camel " + expected + ", index " + actual);
                }
                for (String other : METHODS) {
                    if (!allowed(camel, request, other, consumers).equals(allowed(indexed, request, other, consumers))) {
                        differences.add(method + " " + path + " allows " + other + " differently");
                    }
                }
                if (indexed.find(method, path, consumers) != null) {
                    found++;
                }
            }
        }
        assertEquals(List.of(), differences);
        return found;
    }

    @Test
    void everyRequestFindsTheConsumerCamelFinds() throws Exception {
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                rest("/api/v1/resolver-test")
                    .get("/{a}/x").to("direct:resolver-a")
                    .get("/y/{b}").to("direct:resolver-b")
                    .get("/y/z").to("direct:resolver-c")
                    .post("/{a}/x").to("direct:resolver-d");
                from("direct:resolver-a").setBody(constant("a"));
                from("direct:resolver-b").setBody(constant("b"));
                from("direct:resolver-c").setBody(constant("c"));
                from("direct:resolver-d").setBody(constant("d"));
            }
        });
        Map<String, HttpConsumer> consumers = consumers();
        assertTrue(consumers.size() > 50, "the core's routes: " + consumers.size());
        int found = compareEverywhere(consumers);
        // most requests are answered from the index; the rest by Camel's strategy
        int templates = (int) consumers.values().stream().filter(c -> c.getPath().contains("{")).count();
        assertTrue(found > templates, "answered from the index: " + found + " of the requests, " + templates + " templates");
        // pages and unknown paths: the one consumer on a prefix, the API's not-found answers on "/"
        for (String page : List.of("/b/demo/questions/1", "/nothing/here", "/api/v1/brands/demo/nope/1")) {
            HttpConsumer prefix = new IndexedRestResolver(RouteChanges.of(server.camel())).find("GET", page, consumers);
            assertNotNull(prefix, page);
            assertTrue(prefix.getEndpoint().isMatchOnUriPrefix(), page);
        }
        // a path two templates with as many placeholders claim is left to Camel, which refuses it as ambiguous
        assertEquals(IllegalStateException.class, answer(new IndexedRestResolver(RouteChanges.of(server.camel())),
            request("GET", "/api/v1/resolver-test/y/x"), consumers));

        // a template ending with a slash (Camel's REST DSL drops the slash: still the same answers)
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                rest("/api/v1/resolver-test").get("/trailing/{c}/").to("direct:resolver-e");
                from("direct:resolver-e").setBody(constant("e"));
            }
        });
        compareEverywhere(consumers());
    }

    private void assertGone(IndexedRestResolver indexed, HttpConsumer gone, String why) {
        Map<String, HttpConsumer> consumers = consumers();
        HttpConsumer now = indexed.find("GET", "/api/v1/resolver-later/5", consumers);
        assertNotSame(gone, now, why);
        assertSame(new HttpRestServletResolveConsumerStrategy().resolve(request("GET", "/api/v1/resolver-later/5"), consumers), now,
            why);
    }

    @Test
    void aRouteStoppedAndAnotherStartedBetweenTwoRequestsAreSeen() throws Exception {
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                rest("/api/v1/resolver-swap").get("/x/{id}").to("direct:resolver-swap-x").get("/y/{id}").to("direct:resolver-swap-y");
                from("direct:resolver-swap-x").setBody(constant("x"));
                from("direct:resolver-swap-y").setBody(constant("y"));
            }
        });
        Map<String, HttpConsumer> all = consumers();
        HttpConsumer x = all.values().stream().filter(c -> c.getPath().endsWith("/x/{id}")).findFirst().orElseThrow();
        HttpConsumer y = all.values().stream().filter(c -> c.getPath().endsWith("/y/{id}")).findFirst().orElseThrow();
        Map<String, HttpConsumer> withoutY = new ConcurrentHashMap<>(all);
        withoutY.remove(y.getEndpoint().getEndpointUri());
        Map<String, HttpConsumer> withoutX = new ConcurrentHashMap<>(all);
        withoutX.remove(x.getEndpoint().getEndpointUri());
        IndexedRestResolver indexed = new IndexedRestResolver(RouteChanges.of(server.camel()));
        assertNotSame(y, indexed.find("GET", "/api/v1/resolver-swap/y/1", withoutY));
        // as many consumers, other ones: y is served again
        assertSame(y, indexed.find("GET", "/api/v1/resolver-swap/y/1", withoutX));
        assertNotSame(x, indexed.find("GET", "/api/v1/resolver-swap/x/1", withoutX));
    }

    @Test
    void theIndexFollowsRoutesAsTheyComeAndGo() throws Exception {
        IndexedRestResolver indexed = new IndexedRestResolver(RouteChanges.of(server.camel()));
        assertTrue(indexed.find("GET", "/api/v1/resolver-later/5", consumers()).getEndpoint().isMatchOnUriPrefix(),
            "before the route, the not-found answers");
        server.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                rest("/api/v1/resolver-later").get("/{id}").to("direct:resolver-later");
                from("direct:resolver-later").routeId("resolver-later-body").setBody(constant("{\"later\":true}"));
            }
        });
        Map<String, HttpConsumer> consumers = consumers();
        HttpConsumer later = indexed.find("GET", "/api/v1/resolver-later/5", consumers);
        assertNotNull(later, "a route added later is found");
        assertSame(new HttpRestServletResolveConsumerStrategy().resolve(request("GET", "/api/v1/resolver-later/5"), consumers), later);
        Http.Response r = http.get("/api/v1/resolver-later/5", null);
        assertEquals(200, r.status(), r.toString());
        String restRoute = server.camel().getRoutes().stream().filter(route -> route.getConsumer() == later).findFirst()
            .orElseThrow().getRouteId();

        server.camel().getRouteController().stopRoute(restRoute);
        assertGone(indexed, later, "a stopped route is not found");
        assertEquals(404, http.get("/api/v1/resolver-later/5", null).status());
        server.camel().getRouteController().startRoute(restRoute);
        assertNotNull(indexed.find("GET", "/api/v1/resolver-later/5", consumers()), "started again, it is");
        server.camel().getRouteController().stopRoute(restRoute);
        server.camel().removeRoute(restRoute);
        assertGone(indexed, later, "a removed route is not found");
        assertEquals(404, http.get("/api/v1/resolver-later/5", null).status());
    }
}
