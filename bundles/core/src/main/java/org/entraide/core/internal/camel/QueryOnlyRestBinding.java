package org.entraide.core.internal.camel;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.apache.camel.Message;
import org.apache.camel.component.jetty.JettyRestHttpBinding;
import org.apache.camel.http.common.HttpCommonEndpoint;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * Camel's HTTP binding with the request parameters taken from the query string only. Camel copies every request
 * parameter into a message header; the servlet's parameters include the fields of a form or multipart body, which
 * Jetty 12.1 parses on that first call. Camel has already read the body by then, so a multipart body (which the API
 * answers with a 415, and the web pages parse themselves) would fail with a 500 before any route saw it, and a
 * decoded field could shadow a real header. The query string is decoded as Jetty does (UTF-8, a malformed one is a
 * 400); the REST path placeholders are still evaluated by the REST binding.
 */
final class QueryOnlyRestBinding extends JettyRestHttpBinding {
    QueryOnlyRestBinding(HttpCommonEndpoint endpoint) {
        super(endpoint);
        setMapHttpMessageFormUrlEncodedBody(false);
    }

    @Override
    protected void populateRequestParameters(HttpServletRequest request, Message message) {
        super.populateRequestParameters(new QueryParameters(request), message);
    }

    /** The request as it is, but whose parameters are those of its query string. */
    static final class QueryParameters extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        QueryParameters(HttpServletRequest request) {
            super(request);
            this.parameters = Collections.unmodifiableMap(decode(request.getQueryString()));
        }

        static Map<String, String[]> decode(String query) {
            Map<String, String[]> decoded = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return decoded;
            }
            MultiMap<String> values = new MultiMap<>();
            try {
                UrlEncoded.decodeTo(query, values, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadMessageException("Unable to parse URI query", e);
            }
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                decoded.put(e.getKey(), e.getValue().toArray(String[]::new));
            }
            return decoded;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }
    }
}
