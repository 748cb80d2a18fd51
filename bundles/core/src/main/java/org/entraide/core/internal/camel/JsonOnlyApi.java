package org.entraide.core.internal.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Keeps Camel from decoding form bodies. The API reads JSON only, and answers anything else with a 415
 * problem; Camel's HTTP binding would first try to decode a body sent as a form and, on a body that is not one
 * (JSON with the wrong Content-Type), fail with an HTML 500 page before the API sees the request. The web
 * pages (behind the fallback consumer on {@code /}) decode their forms themselves: a decoded field becomes a
 * message header, and could shadow a real one such as {@code Cookie}. The REST endpoint option
 * {@code mapHttpMessageFormUrlEncodedBody} is not copied into the REST binding (Camel 4.14), so the binding is
 * changed when its consumer joins the context.
 */
final class JsonOnlyApi extends LifecycleStrategySupport {
    @Override
    public void onServiceAdd(CamelContext context, Service service, Route route) {
        if (service instanceof HttpConsumer consumer) {
            consumer.getEndpoint().getHttpBinding().setMapHttpMessageFormUrlEncodedBody(false);
        }
    }
}
