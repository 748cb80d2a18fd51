package org.entraide.itests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * A brand's webhook receiver on loopback, in the test JVM: it records, per subject (the question id), the distinct
 * event ids it was sent. Deliveries are at least once, so it may see an event twice; never two events for one publication.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Pattern SUBJECT = Pattern.compile("\"subjectId\":(\\d+)");

    private final HttpServer server;
    private final Map<Long, Set<String>> eventsBySubject = new HashMap<>();
    private int requests;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst("X-Entraide-Event-Id");
            Matcher m = SUBJECT.matcher(body);
            synchronized (this) {
                requests++;
                if (m.find()) {
                    eventsBySubject.computeIfAbsent(Long.parseLong(m.group(1)), k -> new HashSet<>()).add(eventId);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public synchronized Map<Long, Set<String>> eventsBySubject() {
        Map<Long, Set<String>> copy = new HashMap<>();
        eventsBySubject.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    public synchronized int requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
