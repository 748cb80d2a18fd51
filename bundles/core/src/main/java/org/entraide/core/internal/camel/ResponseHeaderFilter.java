package org.entraide.core.internal.camel;

import org.apache.camel.http.common.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, except that a response may carry {@code Cache-Control}: Camel drops it by
 * default, and the API marks every reply {@code no-store} so that no shared cache keeps a member's data.
 */
public final class ResponseHeaderFilter extends HttpHeaderFilterStrategy {
    public ResponseHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
