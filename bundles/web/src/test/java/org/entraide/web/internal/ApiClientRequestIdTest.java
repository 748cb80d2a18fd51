package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

/**
 * The API calls a page makes carry the page request's id and the visitor's address chain, over real HTTP to a
 * server that records what it received, or in-process to the core's {@link org.entraide.api.web.LocalApi}; outside a
 * page request they carry neither.
 */
class ApiClientRequestIdTest {
    @Test
    void everyApiCallOfAPageCarriesThePagesRequestId() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> chains = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            ids.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
            chains.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            ApiClient client = new ApiClient("http://127.0.0.1:" + api.getAddress().getPort());
            ApiClient.forwardingFor("203.0.113.7", "page-42", () -> {
                client.get("/brands/demo");
                client.call("POST", "/brands/demo/previews", "token", java.util.Map.of("body", "x"));
                return null;
            });
            client.get("/brands/demo");
            assertEquals(List.of("page-42", "page-42", "null"), ids, "both calls of the page, then a call outside any page");
            assertEquals(List.of("203.0.113.7", "203.0.113.7", "null"), chains);
            ApiClient.forwardingFor("203.0.113.7", null, () -> client.get("/brands/demo"));
            assertEquals("null", ids.get(3), "no id when the page had none");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void callsGoInProcessWhenTheCoreServesThemAndOverHttpWhenItDoesNot() throws Exception {
        List<String> overHttp = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            overHttp.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "{\"over\":\"http\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        List<String> inProcess = new CopyOnWriteArrayList<>();
        List<java.util.Map<String, String>> headers = new CopyOnWriteArrayList<>();
        org.entraide.api.web.LocalApi local = (method, path, h, body) -> {
            if (path.contains("unknown")) {
                return null;
            }
            inProcess.add(method + " " + path + (body == null ? "" : " " + new String(body, StandardCharsets.UTF_8)));
            headers.add(h);
            return new org.entraide.api.web.LocalApi.Reply(201, "application/json",
                "{\"in\":\"process\"}".getBytes(StandardCharsets.UTF_8));
        };
        try {
            ApiClient client = new ApiClient("http://127.0.0.1:" + api.getAddress().getPort() + "/api/v1", () -> local);
            ApiClient.Answer[] answers = new ApiClient.Answer[2];
            ApiClient.forwardingFor("203.0.113.8", "page-43", () -> {
                answers[0] = client.call("POST", "/brands/demo/previews?x=1", "tok", java.util.Map.of("body", "x"));
                answers[1] = client.call("GET", "/brands/demo/unknown", "tok", null);
                return null;
            });
            assertEquals(List.of("POST /api/v1/brands/demo/previews?x=1 {\"body\":\"x\"}"), inProcess);
            assertEquals(201, answers[0].status());
            assertEquals("process", answers[0].body().path("in").asText());
            java.util.Map<String, String> sent = headers.get(0);
            assertEquals("Bearer tok", sent.get("Authorization"));
            assertEquals("application/json", sent.get("Content-Type"));
            assertEquals("203.0.113.8", sent.get("X-Forwarded-For"));
            assertEquals("page-43", sent.get("X-Request-Id"));
            assertEquals(List.of("GET /api/v1/brands/demo/unknown"), overHttp, "what the core does not serve goes over HTTP");
            assertEquals("http", answers[1].body().path("over").asText());
        } finally {
            api.stop(0);
        }
    }
}
