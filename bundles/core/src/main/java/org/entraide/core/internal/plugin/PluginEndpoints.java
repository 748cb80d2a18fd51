package org.entraide.core.internal.plugin;

import java.util.Set;

import org.apache.camel.Processor;
import org.entraide.api.plugin.BrandFeatures;
import org.entraide.api.problem.ProblemException;
import org.entraide.api.web.ApiEndpoints;
import org.entraide.api.web.ApiHandler;
import org.entraide.api.web.ApiResult;
import org.entraide.core.internal.rest.ApiDispatcher;
import org.entraide.core.internal.rest.ApiOperation;
import org.entraide.core.internal.rest.ApiReply;

/** Plugins' REST endpoints run through the same dispatcher as the core's, behind their capability's switch. */
public final class PluginEndpoints implements ApiEndpoints {
    private final ApiDispatcher dispatcher;
    private final BrandFeatures features;

    public PluginEndpoints(ApiDispatcher dispatcher, BrandFeatures features) {
        this.dispatcher = dispatcher;
        this.features = features;
    }

    @Override
    public Processor processor(String capability, ApiHandler handler, String... pathParams) {
        return new PluginProcessor(capability, Set.of(), null, dispatcher.processor(operation(capability, handler), pathParams));
    }

    @Override
    public Processor processor(String capability, ApiHandler handler, Set<String> queryParams, String... pathParams) {
        return new PluginProcessor(capability, Set.copyOf(queryParams), null,
            dispatcher.processor(operation(capability, handler), queryParams, pathParams));
    }

    @Override
    public Processor uploadProcessor(String capability, ApiHandler handler, int maxBytes, Set<String> mediaTypes,
                                     String... pathParams) {
        if (maxBytes < 1 || mediaTypes.isEmpty()) {
            throw new IllegalArgumentException("an upload takes at least one media type and one byte");
        }
        org.entraide.core.internal.rest.openapi.Doc.Upload upload = new org.entraide.core.internal.rest.openapi.Doc.Upload(
            maxBytes, new java.util.TreeSet<>(mediaTypes).stream().toList());
        return new PluginProcessor(capability, Set.of(), upload,
            dispatcher.processor(operation(capability, handler), Set.of(), upload, pathParams));
    }

    /**
     * A plugin's operation as the dispatcher runs it, with what the OpenAPI description says of it: the capability
     * that switches it and the query parameters it declared.
     */
    public record PluginProcessor(String capability, Set<String> queryParams,
                                  org.entraide.core.internal.rest.openapi.Doc.Upload upload, Processor delegate)
            implements Processor {
        @Override
        public void process(org.apache.camel.Exchange exchange) throws Exception {
            delegate.process(exchange);
        }
    }

    private ApiOperation operation(String capability, ApiHandler handler) {
        return request -> {
            if (capability != null && !features.isEnabled(request.brand().id(), capability)) {
                // A disabled capability does not exist for the brand.
                throw ProblemException.notFound("no such resource: '" + capability + "' is not enabled for this brand");
            }
            ApiResult result = handler.handle(request);
            if (result.body() instanceof ApiResult.Bytes bytes) {
                return new ApiReply(result.status(), new ApiReply.Binary(bytes.mediaType(), bytes.content()), result.location(), true);
            }
            if (result.body() instanceof ApiResult.PrivateBytes bytes) {
                return new ApiReply(result.status(), new ApiReply.Binary(bytes.mediaType(), bytes.content()), result.location(), false);
            }
            return new ApiReply(result.status(), result.body(), result.location());
        };
    }
}
