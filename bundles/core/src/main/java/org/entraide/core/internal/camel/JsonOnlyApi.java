package org.entraide.core.internal.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.http.common.HttpCommonEndpoint;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Keeps Camel from decoding form and multipart bodies. The API reads JSON only, and answers anything else with a 415
 * problem; Camel's HTTP binding would first decode a body sent as a form (and, through the servlet's parameters,
 * a multipart one) and, on a body that is not one (JSON with the wrong Content-Type, a malformed multipart body),
 * fail with a 500 before the API sees the request. The web pages (behind the fallback consumer on {@code /})
 * decode their forms themselves: a decoded field becomes a message header, and could shadow a real one such as
 * {@code Cookie}. The REST endpoint options do not reach the REST binding (Camel 4.17), so every HTTP consumer's
 * binding is replaced by a {@link QueryOnlyRestBinding} when the consumer joins the context, before it serves.
 */
final class JsonOnlyApi extends LifecycleStrategySupport {
    @Override
    public void onServiceAdd(CamelContext context, Service service, Route route) {
        if (service instanceof HttpConsumer consumer && !(consumer.getBinding() instanceof QueryOnlyRestBinding)) {
            HttpCommonEndpoint endpoint = consumer.getEndpoint();
            endpoint.setHttpBinding(new QueryOnlyRestBinding(endpoint));
        }
    }
}
