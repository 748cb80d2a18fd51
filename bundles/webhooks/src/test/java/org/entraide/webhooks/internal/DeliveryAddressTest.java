package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.eclipse.jetty.util.SocketAddressResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At delivery, the address actually connected to is the one vetted: a name that resolved to a public address at
 * registration and now resolves to loopback (DNS rebinding) is not connected to, and an allowed one is reached with
 * the URL's host kept in the Host header.
 */
class DeliveryAddressTest {
    private HttpServer receiver;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    /** A DNS whose answer for every name is loopback, as a rebinding attacker's would be after registration. */
    private static SocketAddressResolver reboundToLoopback() {
        return (host, port, context, promise) -> {
            try {
                promise.succeeded(List.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port)));
            } catch (UnknownHostException e) {
                promise.failed(e);
            }
        };
    }

    private URI url(String host) {
        return URI.create("http://" + host + ":" + receiver.getAddress().getPort() + "/hook");
    }

    @Test
    void aNameReboundToLoopbackAfterRegistrationIsNotConnectedTo() {
        UrlPolicy registration = new UrlPolicy(true, new AddressCheck(InternalTargets.NONE),
            host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 198, 20, 0, 1})});
        URI uri = registration.check(url("rebind.test").toString());
        try (ReceiverClient client = new ReceiverClient(new AddressCheck(InternalTargets.NONE), Duration.ofSeconds(5),
            reboundToLoopback())) {
            ReceiverClient.Outcome o = client.post(uri, Map.of(), "{}");
            assertNull(o.status(), "nothing was answered: " + o);
            assertTrue(o.error().contains("127.0.0.1") && o.error().contains("127.0.0.0/8"), o.error());
        }
        assertEquals(List.of(), hostHeaders, "the receiver on loopback was never reached");
    }

    @Test
    void anAddressLiteralIsVettedAtDeliveryToo() {
        try (ReceiverClient client = new ReceiverClient(new AddressCheck(InternalTargets.NONE), Duration.ofSeconds(5))) {
            ReceiverClient.Outcome o = client.post(url("127.0.0.1"), Map.of(), "{}");
            assertTrue(o.error() != null && o.error().contains("special-purpose"), String.valueOf(o));
        }
        assertEquals(List.of(), hostHeaders);
    }

    @Test
    void anAllowedAddressIsReachedWithTheUrlsHostKept() {
        try (ReceiverClient client = new ReceiverClient(new AddressCheck(InternalTargets.parse("127.0.0.1/32")),
            Duration.ofSeconds(5), reboundToLoopback())) {
            ReceiverClient.Outcome o = client.post(url("crm.test"), Map.of("X-Entraide-Event-Id", "7"), "{}");
            assertEquals(204, o.status(), String.valueOf(o));
        }
        assertEquals(List.of("crm.test:" + receiver.getAddress().getPort()), hostHeaders,
            "connected to the vetted address, Host from the URL");
    }
}
