package org.entraide.core.internal.plugin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.entraide.api.model.Brand;
import org.entraide.api.model.Role;
import org.entraide.api.problem.ProblemException;
import org.entraide.core.internal.feature.Capabilities;
import org.entraide.core.internal.paging.Items;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiReply;
import org.entraide.core.internal.rest.ApiRoutes;
import org.entraide.core.internal.rest.openapi.Doc;

/** {@code GET|PUT /api/v1/brands/{brand}/features}: the installed capabilities and which the brand enabled. */
public final class FeatureRoutes extends ApiRoutes {
    private final Capabilities capabilities;

    public FeatureRoutes(ApiDispatcher api, Capabilities capabilities) {
        super(api);
        this.capabilities = capabilities;
    }

    @Override
    public void configure() {
        get("/brands/{brand}/features", "features.list", Doc.of("The installed capabilities and whether the brand enabled each")
                .itemsOf(Capabilities.FeatureView.class), r -> {
            Brand brand = r.brand();
            return ApiReply.ok(new Items<>(capabilities.list(brand)));
        });
        put("/brands/{brand}/features", "features.update", Doc.of("Enable or disable capabilities: {\"name\": true|false, …}")
                .body(Map.class).itemsOf(Capabilities.FeatureView.class).bearer(Role.BRAND_ADMIN), r -> {
            Brand brand = r.brand();
            var caller = r.caller();
            JsonNode body = r.body(JsonNode.class);
            if (!body.isObject()) {
                throw ProblemException.badRequest("send an object of capability names to true or false");
            }
            Map<String, Boolean> wanted = new LinkedHashMap<>();
            body.fields().forEachRemaining(f -> {
                if (!f.getValue().isBoolean()) {
                    throw ProblemException.invalid(f.getKey(), "must be true or false");
                }
                wanted.put(f.getKey(), f.getValue().booleanValue());
            });
            return ApiReply.ok(new Items<>(capabilities.set(caller, brand, wanted)));
        });
    }
}
