package org.entraide.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.common.HttpMessage;

/** The bundle's CSS and JavaScript, cached for a year: their names change with their content's version. */
final class StaticAssets implements Processor {
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
        "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    @Override
    public void process(Exchange e) throws IOException {
        String path = e.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        String name = path.substring(path.lastIndexOf('/') + 1);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        // Camel's HTTP header filter drops Cache-Control from messages, so it is set on the servlet response
        HttpServletResponse response = e.getMessage() instanceof HttpMessage http ? http.getResponse() : null;
        e.getMessage().removeHeaders("*");
        InputStream in = name.matches("[a-z0-9-]+\\.[a-z0-9]+") && TYPES.containsKey(ext)
            ? StaticAssets.class.getResourceAsStream("/org/entraide/web/static/" + name) : null;
        if (in == null) {
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            e.getMessage().setBody("not found");
            return;
        }
        try (in) {
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, TYPES.get(ext));
            if (response != null) {
                response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            }
            e.getMessage().setHeader("X-Content-Type-Options", "nosniff");
            e.getMessage().setBody(in.readAllBytes());
        }
    }
}
