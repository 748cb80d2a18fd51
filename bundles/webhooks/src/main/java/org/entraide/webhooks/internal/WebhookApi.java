package org.entraide.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.security.Caller;
import org.entraide.api.storage.Transactions;
import org.entraide.api.web.ApiCall;
import org.entraide.api.web.ApiResult;
import org.entraide.api.web.Paging;

/** What brand admins do with their webhooks over HTTP. */
final class WebhookApi {
    /** A new endpoint; no event types means every event. */
    record NewWebhook(@NotBlank @Size(max = 2000) String url,
                      @Size(max = 30) List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9.-]{1,63}") String> eventTypes) {
    }

    /**
     * An endpoint as listed; the secret is shown once, in {@link Created}. {@code circuitOpenUntil} is set while
     * repeated failures hold its deliveries back.
     */
    record View(long id, String url, List<String> eventTypes, boolean active, Instant createdAt, int consecutiveFailures,
                Instant circuitOpenUntil) {
    }

    record Created(long id, String url, List<String> eventTypes, String secret) {
    }

    private final Transactions tx;
    private final WebhookStore store;
    private final UrlPolicy policy;
    private final Clock clock;

    WebhookApi(Transactions tx, WebhookStore store, UrlPolicy policy, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    ApiResult list(ApiCall call) {
        Brand brand = admin(call);
        Paging paging = Paging.of(call);
        // a brand has few endpoints: the list is read whole and answered a page at a time, as every list is
        return ApiResult.ok(paging.slice(tx.inTransaction(c -> store.activeEndpoints(c, brand.id()).stream()
            .map(e -> new View(e.id(), e.url(), e.eventTypes(), e.active(), e.createdAt(), e.consecutiveFailures(),
                e.circuitOpenUntil())).toList())));
    }

    ApiResult create(ApiCall call) {
        Brand brand = admin(call);
        NewWebhook body = call.body(NewWebhook.class);
        policy.check(body.url());
        List<String> types = body.eventTypes() == null ? List.of() : List.copyOf(body.eventTypes());
        String secret = Signature.newSecret();
        long id = tx.inTransaction(c -> store.createEndpoint(c, brand.id(), body.url(), types, secret, clock.instant()));
        return ApiResult.created("/api/v1/brands/" + brand.slug() + "/webhooks/" + id, new Created(id, body.url(), types, secret));
    }

    ApiResult delete(ApiCall call) {
        Brand brand = admin(call);
        long id = call.pathId("id");
        tx.inTransaction(c -> {
            owned(c, brand, id);
            store.deactivate(c, id);
            return null;
        });
        return ApiResult.noContent();
    }

    ApiResult deliveries(ApiCall call) {
        Brand brand = admin(call);
        long id = call.pathId("id");
        int page = positive(call.query("page"), 1, Integer.MAX_VALUE, "page");
        int size = positive(call.query("size"), 20, 100, "size");
        return ApiResult.ok(tx.inTransaction(c -> {
            owned(c, brand, id);
            return Map.of("items", store.deliveries(c, id, size, (long) (page - 1) * size), "total",
                store.countDeliveries(c, id), "page", page, "size", size);
        }));
    }

    private void owned(java.sql.Connection c, Brand brand, long id) throws java.sql.SQLException {
        WebhookStore.Endpoint e = store.endpoint(c, id);
        if (e == null || e.brandId() != brand.id()) {
            throw ProblemException.notFound("no webhook " + id);
        }
    }

    private static Brand admin(ApiCall call) {
        Brand brand = call.brand();
        Caller caller = call.caller();
        if (caller.brandId() != brand.id() || !caller.has(Role.BRAND_ADMIN)) {
            throw ProblemException.forbidden("brand admins of " + brand.slug() + " only");
        }
        return brand;
    }

    private static int positive(String value, int fallback, int max, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number from 1 to " + max);
    }
}
