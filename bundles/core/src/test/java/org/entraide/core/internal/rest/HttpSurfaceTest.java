package org.entraide.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Jetty itself answers: under /api every response is a problem+json document (never the container's
 * HTML page), no response names the server or its version, and TRACE is refused with 405 and Allow.
 * Requests are written on a raw socket, since an HTTP client refuses to send malformed ones.
 */
class HttpSurfaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    /** A raw HTTP/1.1 exchange: status line, headers in lower case, body. */
    record Raw(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return head + "\n\n" + body;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(TestDatabases.h2());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedRequestsUnderTheApiAreProblems() throws Exception {
        List<String> requests = List.of(
            "GET /api/v1/brands/%zz/questions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /api/v1/brands/demo/questions/%2e%2e/%2e%2e/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /api/v1/brands/demo%2Fx/questions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n",
            "BREW /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "DELETE /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /api/v1/nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        for (String request : requests) {
            Raw r = exchange(request);
            String what = request.substring(0, Math.min(60, request.indexOf('\r')));
            assertTrue(r.status() >= 400 && r.status() < 500, what + " is refused with a 4xx: " + r);
            assertEquals("application/problem+json", r.header("Content-Type"), what + " answers a problem, not a page: " + r);
            JsonNode problem = JSON.readTree(r.body());
            assertEquals(r.status(), problem.get("status").asInt(), what + ": the problem repeats the status: " + r);
            assertFalse(r.body().toLowerCase(Locale.ROOT).contains("jetty") || r.body().contains("<"),
                what + ": nothing of the container's page: " + r);
        }
    }

    @Test
    void aRefusedRequestWithABodyAnnouncesThatItsConnectionCloses() throws Exception {
        // the body of a request refused before any route is not read: the connection cannot serve another request
        Raw r = exchange("POST /api/v1/brands/demo/posts/%00/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"value\":1}");
        assertEquals(400, r.status(), "a NUL in the path is refused: " + r);
        assertEquals("close", r.header("Connection"), "the client is told not to reuse the connection: " + r);
    }

    @Test
    void traceIs405WithAllow() throws Exception {
        for (String path : List.of("/api/v1/health", "/api/v1/brands/demo/questions", "/api/v1/nowhere", "/")) {
            Raw r = exchange("TRACE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Probe: secret\r\nConnection: close\r\n\r\n");
            assertEquals(405, r.status(), "TRACE " + path + ": " + r);
            assertNotNull(r.header("Allow"), "TRACE " + path + " says which methods are allowed: " + r);
            assertFalse(r.header("Allow").contains("TRACE"), "and TRACE is not among them: " + r);
            if (path.equals("/api/v1/health")) {
                assertEquals("GET, HEAD", r.header("Allow"), "the methods of that endpoint: " + r);
            }
            assertFalse(r.body().contains("secret"), "the request is never echoed: " + r);
        }
    }

    @Test
    void noResponseNamesTheServer() throws Exception {
        for (String request : List.of("GET /api/v1/health", "GET /api/v1/nowhere", "GET /", "GET /api/v1/brands/%zz/x",
            "OPTIONS /api/v1/health")) {
            Raw r = exchange(request + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(null, r.header("Server"), request + " has no Server header: " + r);
            assertEquals(null, r.header("X-Powered-By"), request + " has no X-Powered-By header: " + r);
            assertFalse(r.toString().toLowerCase(Locale.ROOT).contains("jetty("), request + " names no version: " + r);
        }
    }

    private static Raw exchange(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(new Raw(0, head, "").header("Transfer-Encoding"))) {
                body = unchunk(body);
            }
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Raw(status, head, body);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
