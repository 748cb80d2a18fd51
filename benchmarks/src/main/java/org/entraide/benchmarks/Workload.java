package org.entraide.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * What each client sends, prepared once as bytes so the generator does no formatting while measuring.
 *
 * @param request the next request of client {@code i}, asked for before each exchange by that client's thread (each
 *     client may have its own token or target, and change it from one request to the next)
 * @param expectedStatus any other status is counted as an error
 */
record Workload(String name, IntFunction<byte[]> request, int expectedStatus) {
    static Workload get(String name, String host, String path) {
        byte[] bytes = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        return new Workload(name, i -> bytes, 200);
    }

    /** The authenticated JSON POST one client sends. */
    record Post(String path, String token, String json) {
    }

    static Workload post(String name, String host, int clients, IntFunction<Post> postOfClient) {
        byte[][] prepared = new byte[clients][];
        for (int i = 0; i < clients; i++) {
            Post p = postOfClient.apply(i);
            byte[] body = p.json().getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + p.path() + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + p.token() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            prepared[i] = new byte[head.length + body.length];
            System.arraycopy(head, 0, prepared[i], 0, head.length);
            System.arraycopy(body, 0, prepared[i], head.length, body.length);
        }
        return new Workload(name, i -> prepared[i], 201);
    }
}
