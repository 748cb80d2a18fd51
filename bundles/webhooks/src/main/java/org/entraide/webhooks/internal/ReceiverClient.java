package org.entraide.webhooks.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Posts one signed body to a receiver, within a total time budget (resolution, connection, TLS, request and answer),
 * and only to addresses the {@link VettingResolver} let through. Jetty's client is used because it lets us resolve
 * names ourselves while keeping the URL's host for Host, SNI and certificate checks; the JDK client does not.
 */
final class ReceiverClient implements AutoCloseable {
    /** The answer of one attempt. */
    record Outcome(Integer status, String error) {
        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration budget;

    ReceiverClient(AddressCheck check, Duration budget, SocketAddressResolver dns) {
        this.budget = budget;
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("webhooks-http");
        threads.setDaemon(true);
        http = new HttpClient();
        http.setExecutor(threads);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("webhooks-http-scheduler", true);
        http.setScheduler(scheduler);
        http.setSocketAddressResolver(new VettingResolver(dns == null
            ? new SocketAddressResolver.Async(threads, scheduler, budget.toMillis()) : dns, check));
        http.setFollowRedirects(false);
        http.setConnectTimeout(budget.toMillis());
        http.setAddressResolutionTimeout(budget.toMillis());
        http.setUserAgentField(null);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("webhook HTTP client did not start", e);
        }
    }

    ReceiverClient(AddressCheck check, Duration budget) {
        this(check, budget, null);
    }

    Outcome post(URI uri, Map<String, String> headers, String body) {
        Request request = http.newRequest(uri).method(HttpMethod.POST).agent("Entraide-Webhooks")
            .timeout(budget.toMillis(), TimeUnit.MILLISECONDS)
            .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
        request.headers(h -> headers.forEach(h::put));
        try {
            ContentResponse r = request.send();
            return new Outcome(r.getStatus(), r.getStatus() / 100 == 2 ? null : "HTTP " + r.getStatus());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (TimeoutException te) {
            return new Outcome(null, "no answer within the time budget of " + budget.toMillis() + " ms");
        } catch (ExecutionException ee) {
            Throwable cause = ee.getCause() == null ? ee : ee.getCause();
            if (cause instanceof TimeoutException) {
                return new Outcome(null, "no answer within the time budget of " + budget.toMillis() + " ms");
            }
            return new Outcome(null, cause instanceof VettingResolver.RefusedAddress ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // stopping is best effort: the component is going away
        }
    }
}
