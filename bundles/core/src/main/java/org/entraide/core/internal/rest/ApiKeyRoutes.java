package org.entraide.core.internal.rest;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.security.Caller;
import org.entraide.core.internal.apikey.ApiKeys;
import org.entraide.core.internal.rest.openapi.Doc;

/**
 * A brand's API keys, managed by its admins: create one (its secret is in that answer only), list them without
 * secrets, revoke one, read what one did. Keys themselves never reach these operations: no scope lists them.
 */
public final class ApiKeyRoutes extends ApiRoutes {
    private static final String KEYS = "/brands/{brand}/api-keys";

    private final ApiKeys keys;

    public ApiKeyRoutes(ApiDispatcher dispatcher, ApiKeys keys) {
        super(dispatcher);
        this.keys = keys;
    }

    /** The brand's keys, newest first. */
    public record KeyList(java.util.List<ApiKeys.KeyView> items) {
    }

    /** What a key did, newest first. */
    public record ActionList(java.util.List<ApiKeys.Action> items) {
    }

    @Override
    public void configure() {
        post(KEYS, "apikeys.create", Doc.of("Create an API key for one of the brand's systems, with its scopes; the key is "
                + "in this answer only").body(Requests.ApiKey.class).created(ApiKeys.Created.class).bearer(Role.BRAND_ADMIN)
                .errors(409), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            Requests.ApiKey body = r.body(Requests.ApiKey.class);
            ApiKeys.Created created = keys.create(caller, brand, body.name(), body.scopes(), body.expiresAt());
            return ApiReply.created(location(brand.slug(), "api-keys", created.id()), created);
        });
        get(KEYS, "apikeys.list", Doc.of("The brand's API keys, without their secrets: name, prefix, scopes, creation, "
                + "last use, revocation").returns(KeyList.class).bearer(Role.BRAND_ADMIN),
            r -> {
                Caller caller = r.caller();
                return ApiReply.ok(new KeyList(keys.list(caller, r.brand())));
            });
        delete(KEYS + "/{id}", "apikeys.revoke", Doc.of("Revoke an API key: refused from the next request on")
                .noContent().bearer(Role.BRAND_ADMIN), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            keys.revoke(caller, brand, r.pathId("id"));
            return ApiReply.noContent();
        });
        get(KEYS + "/{id}/actions", "apikeys.actions", Doc.of("What an API key changed: its last 200 requests other "
                + "than reads, with their status").returns(ActionList.class).bearer(Role.BRAND_ADMIN), r -> {
            Caller caller = r.caller();
            Brand brand = r.brand();
            return ApiReply.ok(new ActionList(keys.actions(caller, brand, r.pathId("id"))));
        });
    }
}
