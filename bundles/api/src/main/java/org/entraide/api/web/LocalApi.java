package org.entraide.api.web;

import java.util.Map;

/**
 * The REST API of this node, called in-process by the bundles that build pages on it: the same routes, checks and
 * answers as over HTTP, without a connection, a server thread, or parsing and writing the request and its answer.
 * The caller acts for the visitor whose request it serves, so the headers it passes are the ones it would send over
 * loopback: the visitor's bearer token, and their address chain as {@code X-Forwarded-For}, which is trusted here as
 * it is from loopback.
 *
 * <p>Provided by the core, bound in the shared CamelContext's registry under {@link #REGISTRY_NAME}. Any thread.
 */
public interface LocalApi {
    /** The name under which the core binds it in the shared CamelContext's registry. */
    String REGISTRY_NAME = "entraideLocalApi";

    /** An answer: its status, its media type (null when it has no body) and its body (empty when none). */
    record Reply(int status, String contentType, byte[] body) {
    }

    /**
     * Calls {@code method} on {@code pathAndQuery} (from {@code /api/v1/}, raw as it would be sent: encoded, with
     * its query). Null when no REST route of this node serves that method and path (an unknown path, a capability
     * not installed, a method not allowed): the caller then asks over HTTP, which answers as the API does for those.
     */
    Reply call(String method, String pathAndQuery, Map<String, String> headers, byte[] body);
}
