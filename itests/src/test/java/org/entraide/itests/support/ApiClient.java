package org.entraide.itests.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON client of the Entraide API over the JDK HTTP client. */
public final class ApiClient {
    /** Status, raw response and body as JSON (null when empty). */
    public static final class Response {
        public final int status;
        public final HttpResponse<String> raw;
        public final JsonNode json;

        Response(HttpResponse<String> raw, JsonNode json) {
            this.status = raw.statusCode();
            this.raw = raw;
            this.json = json;
        }

        public int status() {
            return status;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    public Response get(String path, String auth) {
        return send(request(path, auth).GET());
    }

    public Response post(String path, String auth, String json) {
        return send(request(path, auth).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String auth, String json) {
        return send(request(path, auth).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Logs in and returns the bearer token. */
    public String login(String brand, String email, String password) {
        Response r = post("/api/v1/auth/login", null,
            "{\"brand\":\"" + brand + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status != 200) {
            throw new AssertionError("login of " + email + " failed: " + r);
        }
        return r.json.get("token").asText();
    }

    private HttpRequest.Builder request(String path, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            b.header("Authorization", auth.startsWith("Basic ") ? auth : "Bearer " + auth);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // a text body (the Prometheus metrics) is read as it is
            boolean json = !r.body().isEmpty() && !r.headers().firstValue("Content-Type").orElse("").startsWith("text/");
            return new Response(r, json ? JSON.readTree(r.body()) : null);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        }
    }
}
