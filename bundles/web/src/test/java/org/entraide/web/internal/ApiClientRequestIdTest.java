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
 * server that records what it received; outside a page request they carry neither.
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
}
