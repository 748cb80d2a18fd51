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

import org.entraide.api.web.LocalApi;

/**
 * The public API of this node, called with the signed-in member's bearer token when there is one: in-process through
 * the core's {@link LocalApi} when it serves the call, otherwise over loopback HTTP. Reads answer {@code null} for a
 * missing resource and throw on any other failure; writes return the status and the JSON (the value or the problem)
 * for the page to show.
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
    /** The API's path on the server: what {@link #base} ends with. */
    private static final String API_PATH = "/api/v1";
    private final java.util.function.Supplier<LocalApi> local;

    /** Over HTTP only, to {@code base} (ending with {@code /api/v1}). */
    ApiClient(String base) {
        this(base, () -> null);
    }

    /** In-process through {@code local} (which may give null: not there yet), otherwise over HTTP to {@code base}. */
    ApiClient(String base, java.util.function.Supplier<LocalApi> local) {
        this.base = base;
        this.local = local;
    }

    /** A raw answer: its status and body, as either way of calling gives it. */
    private record Raw(int status, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
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
        Raw r = send("GET", path, token, null, null, null, Duration.ofSeconds(30));
        return new Text(r.status(), r.text());
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
        try {
            byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
            return answer(send(method, path, token, null, body == null ? null : "application/json", bytes,
                Duration.ofSeconds(10)), path);
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + ": the body could not be written as JSON", e);
        }
    }

    /**
     * A call with an instance administrator's HTTP Basic credentials (opening an instance console session): the
     * password goes to the API on loopback and is kept nowhere.
     */
    Answer basic(String method, String path, String user, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return answer(send(method, path, null, "Basic " + credentials, null, null, Duration.ofSeconds(10)), path);
    }

    /** Sends a file (an avatar) as the raw body of a {@code PUT}, with its declared media type. */
    Answer upload(String path, String token, String mediaType, byte[] bytes) {
        return answer(send("PUT", path, token, null, mediaType, bytes, Duration.ofSeconds(30)), path);
    }

    /** A POST of a file's bytes (an attachment), answered as {@link #upload} is. */
    Answer post(String path, String token, String mediaType, byte[] bytes) {
        return answer(send("POST", path, token, null, mediaType, bytes, Duration.ofSeconds(30)), path);
    }

    /** An API answer read as JSON (an empty body as JSON null). */
    private Answer answer(Raw r, String path) {
        try {
            JsonNode node = blank(r.body()) ? NullNode.getInstance() : json.readTree(r.body());
            return new Answer(r.status(), node);
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + " answered what is not JSON", e);
        }
    }

    /** Whether a body holds only JSON whitespace, read in place (every call's answer passes here). */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The bytes the API answers (a picture), or null for any answer but 200. */
    byte[] bytes(String path, String token) {
        Raw r = send("GET", path, token, null, null, null, Duration.ofSeconds(30), "image/*");
        return r.status() == 200 ? r.body() : null;
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

    private Raw send(String method, String path, String token, String authorization, String contentType, byte[] body,
                     Duration timeout) {
        return send(method, path, token, authorization, contentType, body, timeout, "application/json");
    }

    /**
     * One call: {@code token} as a bearer token, or {@code authorization} as the whole header; {@code body} null for
     * none. In-process when the core serves it, otherwise over HTTP.
     */
    private Raw send(String method, String path, String token, String authorization, String contentType, byte[] body,
                     Duration timeout, String accept) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Accept", accept);
        String chain = FORWARDED_FOR.get();
        if (chain != null) {
            headers.put("X-Forwarded-For", chain);
        }
        String requestId = REQUEST_ID.get();
        if (requestId != null) {
            headers.put(REQUEST_ID_HEADER, requestId);
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        } else if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        LocalApi api = local.get();
        if (api != null) {
            LocalApi.Reply reply = api.call(method, API_PATH + path, headers, body);
            if (reply != null) {
                return new Raw(reply.status(), reply.body());
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(r.statusCode(), r.body() == null ? new byte[0] : r.body());
        } catch (IOException e) {
            throw new IllegalStateException("API " + path + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
