package org.entraide.core.internal.camel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error output as RFC 9457 problems: what the container refuses before any route sees the request
 * (a malformed or ambiguous URI, headers too large, an unknown method) answers like the API, with no HTML
 * page, no stack and no server name. Jetty's own message is not echoed: it may quote the request.
 */
public final class ProblemErrorPages extends ErrorHandler {
    static final String TYPE = "https://entraide.org/problems/";

    private final java.util.function.Function<String, String> allow;

    /** @param allow the {@code Allow} value of a 405 for a request path */
    public ProblemErrorPages(java.util.function.Function<String, String> allow) {
        this.allow = allow;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        // Jetty writes a body only for GET, POST and HEAD by default; every method gets the same problem.
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (code == HttpStatus.BAD_REQUEST_400) {
            // a malformed request's body is never read, so Jetty drops the connection after this answer: saying so
            // keeps a client from sending its next request on a connection about to close (and getting no answer)
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (code == HttpStatus.METHOD_NOT_ALLOWED_405 && !response.getHeaders().contains(HttpHeader.ALLOW)) {
            response.getHeaders().put(HttpHeader.ALLOW, allow.apply(Request.getPathInContext(request)));
        }
        String requestId = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.write(true, ByteBuffer.wrap(problem(code, requestId)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        // the request could not be read: its id, if any, is not trusted
        String requestId = RequestIds.accept(null);
        fields.put(RequestIds.HEADER, requestId);
        // Jetty closes the connection after a message it could not parse: saying so keeps a client from sending
        // its next request on it and getting no answer
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(problem(status, requestId));
    }

    /** A problem document for a status, from fixed texts only. */
    static byte[] problem(int status, String requestId) {
        String title = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case 400 -> "the request is malformed (URI, headers or encoding)";
            case 404 -> "no endpoint here; the API is described at /api/v1/openapi.json";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request is too large";
            case 414 -> "the URI is too long";
            case 431 -> "the request headers are too large";
            default -> status >= 500 ? "the server could not answer this request" : "the request was refused";
        };
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String json = "{\"type\":\"" + TYPE + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail + "\",\"requestId\":\"" + requestId + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
