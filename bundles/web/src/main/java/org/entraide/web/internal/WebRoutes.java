package org.entraide.web.internal;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The public pages under {@code /b/{brand}/...} and their static assets under {@code /static/...}, on the
 * API's Jetty port. Pages read the community through the public HTTP API on loopback, so the web depends on
 * the API contract only, never on the core's internals.
 */
@Component(service = RoutesBuilder.class, configurationPid = "org.entraide.web")
@Designate(ocd = WebConfig.class)
public final class WebRoutes extends RouteBuilder {
    /** The core's fallback on {@code /} hands every path outside {@code /api/} to this endpoint. */
    static final String ENDPOINT = "direct:entraide.web";
    static final String ROUTE_ID = "web.pages";
    private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private volatile String homeBrand = "demo";

    public WebRoutes() {
    }

    @Activate
    @Modified
    void configure(WebConfig config) {
        homeBrand = config.homeBrand();
    }

    @Override
    public void configure() {
        var rest = getCamelContext().getRestConfiguration();
        String api = "http://127.0.0.1:" + rest.getPort() + "/api/v1";
        Pages pages = new Pages(new ApiClient(api), new Templates());
        StaticAssets assets = new StaticAssets();
        from(ENDPOINT).routeId(ROUTE_ID).process(e -> {
            String path = e.getMessage().getHeader(Exchange.HTTP_URI, "", String.class);
            if (path.startsWith("/static/")) {
                assets.process(e);
            } else if (path.equals("/") || path.isEmpty()) {
                e.getMessage().removeHeaders("*");
                e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
                e.getMessage().setHeader("Location", "/b/" + homeBrand);
                e.getMessage().setBody("");
            } else {
                page(e, path, pages);
            }
        });
    }

    private static void page(Exchange e, String path, Pages pages) {
        String query = e.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        String switched = Pages.param(query, "lang");
        boolean remember = "en".equals(switched) || "fr".equals(switched);
        Locale locale = remember ? Locale.forLanguageTag(switched)
            : Languages.choose(e.getMessage().getHeader("Cookie", String.class),
                e.getMessage().getHeader("Accept-Language", String.class));
        String host = e.getMessage().getHeader("Host", "localhost", String.class);
        Page page = pages.render(path, query, locale, "http://" + host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", ""));
        e.getMessage().removeHeaders("*");
        if (remember) {
            // read by the server only, so HttpOnly; Lax so that following a link keeps the language
            e.getMessage().setHeader("Set-Cookie", "lang=" + switched + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax");
        }
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, page.status());
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, page.contentType());
        e.getMessage().setHeader("Content-Security-Policy", CSP);
        e.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        e.getMessage().setHeader("Content-Language", locale.getLanguage());
        e.getMessage().setBody(page.html());
    }
}
