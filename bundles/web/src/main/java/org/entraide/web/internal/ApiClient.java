package org.entraide.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The public API on loopback, called with the signed-in member's bearer token when there is one. Reads answer
 * {@code null} for a missing resource and throw on any other failure; writes return the status and the JSON
 * (the value or the problem) for the page to show.
 */
final class ApiClient {
    /**
     * The client address chain of the page request this thread serves, sent as {@code X-Forwarded-For}: the API
     * trusts it from loopback only ({@code client.trusted.proxies}), so that its rate limits count the visitor's
     * address and not this bundle's.
     */
    private static final ThreadLocal<String> FORWARDED_FOR = new ThreadLocal<>();
    /**
     * The request id of the page request this thread serves, sent as {@code X-Request-Id} on every API call it makes,
     * so that the page's log line and those of its API calls share one id and can be followed together.
     */
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    // HTTP/1.1: the API is served over plain HTTP/1.1 on loopback; the default (HTTP/2) would offer an h2c upgrade
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    ApiClient(String base) {
        this.base = base;
    }

    /** The status of a call and its JSON body ({@code NullNode} when empty). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail, for the page to show. */
        String detail() {
            return body.path("detail").asText(body.path("title").asText(""));
        }
    }

    /** A response that is not JSON (a CSV export). */
    record Text(int status, String body) {
    }

    Text text(String path, String token) {
        // an export may be long: more time than a page's reads
        HttpResponse<String> r = send(request(path, token, Duration.ofSeconds(30)).GET(), path);
        return new Text(r.statusCode(), r.body());
    }

    JsonNode get(String path) {
        return get(path, null);
    }

    JsonNode get(String path, String token) {
        Answer a = call("GET", path, token, null);
        if (a.status() == 404) {
            return null;
        }
        if (a.status() != 200) {
            throw new IllegalStateException("API " + path + " answered " + a.status());
        }
        return a.body();
    }

    /** A read that the caller may not be allowed (or a capability not enabled): {@code null} unless 200. */
    JsonNode optional(String path, String token) {
        Answer a = call("GET", path, token, null);
        return a.status() == 200 ? a.body() : null;
    }

    Answer call(String method, String path, String token, Object body) {
        HttpRequest.Builder b = request(path, token, Duration.ofSeconds(10));
        try {
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> r = send(b, path);
            JsonNode node = r.body() == null || r.body().isBlank() ? NullNode.getInstance() : json.readTree(r.body());
            return new Answer(r.statusCode(), node);
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + " answered what is not JSON", e);
        }
    }

    /**
     * A call with an instance administrator's HTTP Basic credentials (opening an instance console session): the
     * password goes to the API on loopback and is kept nowhere.
     */
    Answer basic(String method, String path, String user, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder b = request(path, null, Duration.ofSeconds(10)).header("Authorization", "Basic " + credentials)
            .method(method, HttpRequest.BodyPublishers.noBody());
        return answer(send(b, path), path);
    }

    /** Sends a file (an avatar) as the raw body of a {@code PUT}, with its declared media type. */
    Answer upload(String path, String token, String mediaType, byte[] bytes) {
        HttpRequest.Builder b = request(path, token, Duration.ofSeconds(30)).header("Content-Type", mediaType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        return answer(send(b, path), path);
    }

    /** A POST of a file's bytes (an attachment), answered as {@link #upload} is. */
    Answer post(String path, String token, String mediaType, byte[] bytes) {
        HttpRequest.Builder b = request(path, token, Duration.ofSeconds(30)).header("Content-Type", mediaType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        return answer(send(b, path), path);
    }

    /** An API answer read as JSON (an empty body as JSON null). */
    private Answer answer(HttpResponse<String> r, String path) {
        try {
            JsonNode node = r.body() == null || r.body().isBlank() ? NullNode.getInstance() : json.readTree(r.body());
            return new Answer(r.statusCode(), node);
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + " answered what is not JSON", e);
        }
    }

    /** The bytes the API answers (a picture), or null for any answer but 200. */
    byte[] bytes(String path, String token) {
        HttpRequest.Builder b = request(path, token, Duration.ofSeconds(30)).setHeader("Accept", "image/*");
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs a page request's work with its client address chain forwarded on every API call it makes. */
    static <T> T forwardingFor(String chain, java.util.concurrent.Callable<T> work) throws Exception {
        return forwardingFor(chain, null, work);
    }

    /** The same, also sending the page request's id with every API call ({@code requestId} null: none). */
    static <T> T forwardingFor(String chain, String requestId, java.util.concurrent.Callable<T> work) throws Exception {
        FORWARDED_FOR.set(chain);
        REQUEST_ID.set(requestId);
        try {
            return work.call();
        } finally {
            FORWARDED_FOR.remove();
            REQUEST_ID.remove();
        }
    }

    private HttpRequest.Builder request(String path, String token, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
            .header("Accept", "application/json");
        String chain = FORWARDED_FOR.get();
        if (chain != null) {
            b.header("X-Forwarded-For", chain);
        }
        String requestId = REQUEST_ID.get();
        if (requestId != null) {
            b.header(REQUEST_ID_HEADER, requestId);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String path) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
