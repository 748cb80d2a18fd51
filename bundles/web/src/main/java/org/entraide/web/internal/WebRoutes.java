package org.entraide.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.common.HttpMessage;
import org.entraide.api.web.ContentVersions;
import org.entraide.api.web.SharedAnswer;
import org.entraide.api.web.SharedAnswers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The pages under {@code /b/{brand}/...} and their static assets under {@code /static/...}, on the API's Jetty
 * port. Pages read and write the community through the public HTTP API on loopback, so the web depends on the
 * API contract only, never on the core's internals.
 */
@Component(service = RoutesBuilder.class, configurationPid = "org.entraide.web")
@Designate(ocd = WebConfig.class)
public final class WebRoutes extends RouteBuilder {
    /** The core's fallback on {@code /} hands every path outside {@code /api/} to this endpoint. */
    static final String ENDPOINT = "direct:entraide.web";
    static final String ROUTE_ID = "web.pages";
    /** The exchange property in which the core's request log keeps a request's id (see docs/operations.md). */
    static final String REQUEST_ID_PROPERTY = "entraide.requestId";
    private static final String KEPT_CACHE_CONTROL = "public, max-age=1";
    private static final String KEPT_VARY = "Accept-Encoding, Accept-Language, Cookie";
    private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private volatile String homeBrand = "demo";
    private volatile String publicBase = PublicBaseUrl.DEFAULT;
    private volatile int sitemapMaxUrls = 50_000;
    private volatile PageCache cache = new PageCache(1000, 1_000_000_000L, System::nanoTime);
    /** The core's, found in the shared CamelContext's registry on first use. */
    private volatile ContentVersions versions;
    /** The core's cache in front of Camel, found in the same registry; kept pages are handed to it too. */
    private volatile SharedAnswers front;

    public WebRoutes() {
    }

    @Activate
    @Modified
    void configure(WebConfig config) {
        homeBrand = config.homeBrand();
        publicBase = PublicBaseUrl.parse(config.public_base_url());
        if (config.sitemap_max_urls() < 1 || config.sitemap_max_urls() > 50_000) {
            throw new IllegalArgumentException("sitemap.max.urls must be between 1 and 50000, not " + config.sitemap_max_urls());
        }
        sitemapMaxUrls = config.sitemap_max_urls();
        if (config.page_cache_entries() < 0 || config.page_cache_millis() < 0) {
            throw new IllegalArgumentException("page.cache.entries and page.cache.millis must not be negative");
        }
        cache = new PageCache(config.page_cache_entries(), config.page_cache_millis() * 1_000_000L, System::nanoTime);
    }

    @Override
    public void configure() {
        var rest = getCamelContext().getRestConfiguration();
        String api = "http://127.0.0.1:" + rest.getPort() + "/api/v1";
        org.apache.camel.CamelContext context = getCamelContext();
        Site site = new Site(new ApiClient(api, () -> localApi(context)), new Templates(), () -> sitemapMaxUrls);
        StaticAssets assets = new StaticAssets();
        from(ENDPOINT).routeId(ROUTE_ID).process(e -> {
            String path = e.getMessage().getHeader(Exchange.HTTP_URI, "", String.class);
            boolean gzip = acceptsGzip(e);
            if (path.startsWith("/static/")) {
                assets.process(e);
            } else if (path.equals("/") || path.isEmpty()) {
                e.getMessage().removeHeaders("*");
                e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
                e.getMessage().setHeader("Location", "/b/" + homeBrand);
                e.getMessage().setBody("");
            } else {
                page(e, path, site, publicBase, cache, versions(e), front(e));
            }
            if (gzip) {
                // Camel's HTTP binding compresses the body of a message that says so
                e.getMessage().setHeader("Content-Encoding", "gzip");
            }
            if (e.getMessage().getHeader("Vary") == null) {
                e.getMessage().setHeader("Vary", "Accept-Encoding");
            }
        });
    }

    /** The visitor's address after the addresses their request already went through, as proxies append it. */
    private static String forwardedFor(HttpServletRequest servlet) {
        if (servlet == null || servlet.getRemoteAddr() == null) {
            return null;
        }
        String earlier = servlet.getHeader("X-Forwarded-For");
        return earlier == null || earlier.isBlank() ? servlet.getRemoteAddr() : earlier + ", " + servlet.getRemoteAddr();
    }

    private static boolean acceptsGzip(Exchange e) {
        HttpServletRequest servlet = e.getMessage() instanceof HttpMessage http ? http.getRequest() : null;
        String accepted = servlet != null ? servlet.getHeader("Accept-Encoding") : null;
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private ContentVersions versions(Exchange e) {
        if (versions == null) {
            versions = fromRegistry(e, ContentVersions.REGISTRY_NAME, ContentVersions.class);
        }
        return versions;
    }

    /** The core's in-process API, found in the shared CamelContext's registry on first use. */
    private volatile org.entraide.api.web.LocalApi localApi;

    private org.entraide.api.web.LocalApi localApi(org.apache.camel.CamelContext context) {
        if (localApi == null) {
            localApi = context.getRegistry().lookupByNameAndType(org.entraide.api.web.LocalApi.REGISTRY_NAME,
                org.entraide.api.web.LocalApi.class);
        }
        return localApi;
    }

    private SharedAnswers front(Exchange e) {
        if (front == null) {
            front = fromRegistry(e, SharedAnswers.REGISTRY_NAME, SharedAnswers.class);
        }
        return front;
    }

    /** A service the core bound in the shared CamelContext's registry, or null before it did. */
    private static <T> T fromRegistry(Exchange e, String name, Class<T> type) {
        return e.getContext().getRegistry().lookupByNameAndType(name, type);
    }

    private static void page(Exchange e, String path, Site site, String publicBase, PageCache cache,
                             ContentVersions versions, SharedAnswers front) throws IOException {
        Message in = e.getMessage();
        HttpServletRequest servlet = in instanceof HttpMessage http ? http.getRequest()
            : in.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        String method = in.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        // never from the message headers, where a query parameter of the same name would land
        String cookie = servlet != null ? servlet.getHeader("Cookie") : null;
        String origin = servlet != null ? servlet.getHeader("Origin") : null;
        String acceptLanguage = servlet != null ? servlet.getHeader("Accept-Language") : in.getHeader("Accept-Language", String.class);
        String host = servlet != null && servlet.getHeader("Host") != null ? servlet.getHeader("Host") : "localhost";
        boolean secure = servlet != null && (servlet.isSecure() || "https".equalsIgnoreCase(servlet.getHeader("X-Forwarded-Proto")));
        Map<String, String> form = Map.of();
        java.util.List<Uploads.FileField> files = java.util.List.of();
        String type = "POST".equals(method) ? (servlet != null ? servlet.getContentType()
            : in.getHeader(Exchange.CONTENT_TYPE, String.class)) : null;
        if ("POST".equals(method) && Uploads.isMultipart(type) && Uploads.PATHS.matcher(path).matches()) {
            try (InputStream stream = in.getBody(InputStream.class)) {
                Uploads.Form multipart = Uploads.read(type, stream, Uploads.limits(path));
                form = multipart.fields();
                files = multipart.files();
            } catch (Uploads.TooLarge tooLarge) {
                boolean filing = path.endsWith("/complaints/new");
                refuse(e, 413, site, cookie, acceptLanguage, query, path, filing ? "refusal.filingTooLarge" : "refusal.fileTooLarge",
                    String.valueOf(Uploads.limits(path).maxFile() / (1024 * 1024)), true);
                return;
            }
        } else if ("POST".equals(method)) {
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                refuse(e, 415, site, cookie, acceptLanguage, query, path, "refusal.formsOnly", "", false);
                return;
            }
            String body = body(in);
            if (body == null) {
                refuse(e, 413, site, cookie, acceptLanguage, query, path, "refusal.formTooLarge", "", true);
                return;
            }
            form = WebRequest.decode(body);
        }
        String switched = WebRequest.decode(query).get("lang");
        boolean remember = Languages.switchedTo(switched);
        Map<String, String> cookies = WebRequest.cookies(cookie);
        Locale locale = remember ? Locale.forLanguageTag(switched) : Languages.choose(cookie, acceptLanguage);
        String key = null;
        long version = 0;
        long madeAt = System.nanoTime();
        if (cache.enabled() && versions != null && PageCache.candidate(method, path, cookies, WebRequest.decode(query))) {
            // the version is read before the page is made: a write committed meanwhile makes this copy stale at once
            version = versions.version(path.split("/", 4)[2]);
            key = PageCache.key(path, query, locale.getLanguage());
            PageCache.Entry kept = cache.find(key, version);
            if (kept != null) {
                // kept for another Accept-Language of the same language: the front serves this variant from now on
                share(front, cache, kept, path, query, acceptLanguage, cookie, locale);
                replyKept(e, servlet, kept, locale);
                return;
            }
        }
        WebRequest request = new WebRequest(method, path, query, cookies, form, host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", ""),
            origin, secure, acceptLanguage, publicBase, servlet == null ? null : servlet.getHeader("User-Agent"), files);
        WebReply reply;
        if (!acquireRender()) {
            refuse(e, 503, site, cookie, acceptLanguage, query, path, "refusal.busy", "", false);
            e.getMessage().setHeader("Retry-After", "5");
            return;
        }
        try {
            if (key != null) {
                // made by another request while this one waited for its turn: served, not made again
                version = versions.version(path.split("/", 4)[2]);
                madeAt = System.nanoTime();
                PageCache.Entry made = cache.find(key, version);
                if (made != null) {
                    share(front, cache, made, path, query, acceptLanguage, cookie, locale);
                    replyKept(e, servlet, made, locale);
                    return;
                }
            }
            // the id the core gave this page request (its log line and X-Request-Id), passed on to the API calls
            String requestId = e.getProperty(REQUEST_ID_PROPERTY, String.class);
            reply = ApiClient.forwardingFor(forwardedFor(servlet), requestId, () -> site.handle(request, locale));
        } catch (IOException | RuntimeException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        } finally {
            RENDERS.release();
        }
        PageCache.Entry kept = key == null ? null : cache.keep(key, version, madeAt, reply);
        if (kept != null) {
            share(front, cache, kept, path, query, acceptLanguage, cookie, locale);
            replyKept(e, servlet, kept, locale);
            return;
        }
        reply(e, reply.status(), reply.contentType(), reply.body(), locale);
        if (reply.bytes() != null) {
            privateBytes(e, reply.bytes());
        }
        reply.headers().forEach(in::setHeader);
        if (reply.location() != null) {
            in.setHeader("Location", reply.location());
        }
        var setCookies = new java.util.ArrayList<>(reply.cookies());
        if (remember) {
            // read by the server only, so HttpOnly; Lax so that following a link keeps the language
            setCookies.add("lang=" + switched + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax");
        }
        if (!setCookies.isEmpty()) {
            in.setHeader("Set-Cookie", setCookies.size() == 1 ? setCookies.get(0) : setCookies);
        }
    }

    /**
     * A page every anonymous visitor gets: shareable by proxies for a second (the time a copy may lag a write made on
     * another node), revalidated with its tag, and varying with what chooses its language or names a member.
     */
    private static void replyKept(Exchange e, HttpServletRequest servlet, PageCache.Entry kept, Locale locale) {
        String sent = servlet != null ? servlet.getHeader("If-None-Match") : null;
        boolean unchanged = sent != null && sent.contains(kept.etag());
        reply(e, unchanged ? 304 : kept.status(), kept.contentType(), "", locale);
        Message m = e.getMessage();
        if (!unchanged) {
            m.setBody(kept.body());
            kept.headers().forEach(m::setHeader);
        }
        m.setHeader("ETag", kept.etag());
        if (m instanceof HttpMessage http && http.getResponse() != null) {
            http.getResponse().setHeader("Cache-Control", KEPT_CACHE_CONTROL);
        }
        m.setHeader("Vary", KEPT_VARY);
    }

    /** Hands a kept page to the core, which serves it to the next requests like this one before any route. */
    private static void share(SharedAnswers front, PageCache cache, PageCache.Entry kept, String path, String query,
                              String acceptLanguage, String cookie, Locale locale) {
        String frontKey = front == null ? null : SharedAnswers.key(path, query, acceptLanguage, cookie);
        if (frontKey != null) {
            front.keep(new SharedAnswer(frontKey, path.split("/", 4)[2], kept.version(), kept.madeAt(), cache.maxAgeNanos(),
                "web", kept.status(), keptHeaders(kept, locale), kept.body(), kept.etag(), true));
        }
    }

    /**
     * Pages being made at once on this node. A page is made by calling the API over loopback, whose requests need the
     * same server threads: were every thread taken by pages waiting for their API calls (thousands of visitors arriving
     * at once on a node that has nothing kept yet), none would be left to answer those calls. A few pages are made at a
     * time; the others wait their turn, and most then find the page made by the one before them.
     */
    static final int RENDERS_AT_ONCE = 16;
    private static final java.util.concurrent.Semaphore RENDERS = new java.util.concurrent.Semaphore(RENDERS_AT_ONCE, true);
    private static final long RENDER_WAIT_SECONDS = 20;

    private static boolean acquireRender() {
        try {
            return RENDERS.tryAcquire(RENDER_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every header {@link #replyKept} gives a kept page, for the core to send it with the same ones. */
    private static Map<String, String> keptHeaders(PageCache.Entry kept, Locale locale) {
        Map<String, String> h = pageHeaders(kept.contentType(), locale);
        h.putAll(kept.headers());
        h.put("ETag", kept.etag());
        h.put("Cache-Control", KEPT_CACHE_CONTROL);
        h.put("Vary", KEPT_VARY);
        return h;
    }

    /** The form body, or null when larger than {@link WebRequest#MAX_FORM_BYTES}. */
    private static String body(Message in) throws IOException {
        Object body = in.getBody();
        if (body == null) {
            return "";
        }
        if (body instanceof String s) {
            return s.length() > WebRequest.MAX_FORM_BYTES ? null : s;
        }
        try (InputStream stream = in.getBody(InputStream.class)) {
            if (stream == null) {
                return "";
            }
            byte[] bytes = stream.readNBytes(WebRequest.MAX_FORM_BYTES + 1);
            if (bytes.length > WebRequest.MAX_FORM_BYTES) {
                Uploads.drain(stream);
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** One visitor's picture: neither the browser nor a shared cache keeps it, and it is never run as a page. */
    private static void privateBytes(Exchange e, byte[] bytes) {
        Message m = e.getMessage();
        m.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        if (m instanceof HttpMessage http && http.getResponse() != null) {
            http.getResponse().setHeader("Cache-Control", "private, no-store");
        }
        m.setBody(bytes);
    }

    /** The headers every page is sent with, whoever made it. */
    private static Map<String, String> pageHeaders(String type, Locale locale) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put(Exchange.CONTENT_TYPE, type);
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("Content-Language", locale.getLanguage());
        return h;
    }

    private static final java.util.regex.Pattern BRAND_HOME = java.util.regex.Pattern.compile("^/b/([a-z0-9-]{1,64})(/|$)");

    /** A request refused before any page was made, answered with a short page in the visitor's language. */
    private static void refuse(Exchange e, int status, Site site, String cookie, String acceptLanguage, String query,
                               String path, String messageKey, String limit, boolean form) {
        String switched = WebRequest.decode(query).get("lang");
        Locale locale = Languages.switchedTo(switched) ? Locale.forLanguageTag(switched) : Languages.choose(cookie, acceptLanguage);
        java.util.regex.Matcher brand = BRAND_HOME.matcher(path);
        String home = brand.find() ? "/b/" + brand.group(1) : "/";
        reply(e, status, "text/html; charset=utf-8", site.refusal(locale, messageKey, limit, form, home), locale);
    }

    private static void reply(Exchange e, int status, String type, String body, Locale locale) {
        Message m = e.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        pageHeaders(type, locale).forEach(m::setHeader);
        // pages may show the signed-in member's name and form tokens: never stored by shared caches. Camel's
        // HTTP header filter drops Cache-Control from messages, so it is set on the servlet response.
        if (m instanceof HttpMessage http && http.getResponse() != null) {
            http.getResponse().setHeader("Cache-Control", "private, no-cache");
        }
        // bytes, encoded once here: given a String, Camel's HTTP binding encoded it again on its way to the socket
        m.setBody(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
