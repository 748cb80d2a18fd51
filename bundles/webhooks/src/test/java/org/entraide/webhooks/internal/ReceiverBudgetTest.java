package org.entraide.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

/** One attempt ends when its total budget is spent, even if the receiver keeps the answer coming byte by byte. */
class ReceiverBudgetTest {
    @Test
    void aReceiverThatNeverFinishesItsAnswerEndsTheAttemptAtTheBudget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                while (!release.await(200, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
            } catch (Exception e) {
                // the sender hung up, as it should
            }
            exchange.close();
        });
        receiver.start();
        try (ReceiverClient client = new ReceiverClient(new AddressCheck(InternalTargets.parse("127.0.0.1/32")), Duration.ofSeconds(1))) {
            ReceiverClient.Outcome o = client.post(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                Map.of(), "{}");
            assertNull(o.status(), "no complete answer: " + o);
            assertTrue(o.error().contains("time budget"), o.error());
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }
}
