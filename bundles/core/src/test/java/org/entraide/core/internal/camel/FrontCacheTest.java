package org.entraide.core.internal.camel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.entraide.api.web.ContentVersions;
import org.entraide.api.web.SharedAnswer;
import org.entraide.api.web.SharedAnswers;
import org.entraide.core.internal.metrics.HttpMetrics;
import org.junit.jupiter.api.Test;

class FrontCacheTest {
    private static final String PAGE = "/b/demo/questions/7";
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final ContentVersions current = slug -> versions.getOrDefault(slug, 0L);
    private final FrontCache front = new FrontCache(new HttpMetrics(), 3, 1 << 20, now::get);

    /** A request's reply as the fake response saw it. */
    static final class Sent {
        int status;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    FrontCacheTest() {
        front.versions(current);
    }

    @Test
    void aCurrentAnswerIsServedWithItsHeadersItsTagAndCompressedOnRequest() throws Exception {
        front.keep(answer("<p>kept</p>", 0));
        AtomicInteger chained = new AtomicInteger();
        Sent sent = get(Map.of(), chained);
        assertEquals(0, chained.get(), "answered before any route");
        assertEquals(200, sent.status);
        assertEquals("<p>kept</p>", sent.body.toString(StandardCharsets.UTF_8));
        assertEquals("text/html; charset=utf-8", sent.headers.get("Content-Type"));
        assertEquals("public, max-age=1", sent.headers.get("Cache-Control"));
        assertEquals(36, sent.headers.get(RequestIds.HEADER).length(), "its own request id");

        Sent revalidated = get(Map.of("If-None-Match", "\"tag\""), chained);
        assertEquals(304, revalidated.status);
        assertEquals(0, revalidated.body.size());

        Sent zipped = get(Map.of("Accept-Encoding", "gzip, br"), chained);
        assertEquals("gzip", zipped.headers.get("Content-Encoding"));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body.toByteArray()))) {
            assertArrayEquals("<p>kept</p>".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(0, chained.get());
        assertEquals(3, front.hits("web"));
    }

    @Test
    void membersOtherCookiesAndOtherLanguagesGoOnToTheRoutes() throws Exception {
        front.keep(answer("<p>kept</p>", 0));
        AtomicInteger chained = new AtomicInteger();
        get(Map.of("Authorization", "Bearer abc"), chained);
        get(Map.of("Cookie", "entraide_session=abc"), chained);
        get(Map.of("Cookie", "lang=fr; tracker=1"), chained);
        get(Map.of("Accept-Language", "en"), chained);
        assertEquals(4, chained.get());
        assertEquals(0, front.hits());
        assertNull(SharedAnswers.key(PAGE, null, null, "lang=fr; lang=en"), "two language cookies: not ours to choose");
    }

    @Test
    void inTheSecondHalfOfItsAgeOneRequestMakesTheNextAnswerWhileTheOthersStillGetIt() throws Exception {
        front.keep(answer("<p>old</p>", 0));
        now.addAndGet(600_000_000L);
        AtomicInteger made = new AtomicInteger();
        FilterChain route = (rq, rs) -> {
            made.incrementAndGet();
            // while this one makes the next answer, another request comes: it is given the one kept, nobody waits
            assertEquals("<p>old</p>", get(Map.of(), (r2, s2) -> made.incrementAndGet()).body.toString(StandardCharsets.UTF_8));
            front.keep(answer("<p>new</p>", 0));
        };
        get(Map.of(), route);
        assertEquals(1, made.get(), "made once");
        assertEquals("<p>new</p>", get(Map.of(), route).body.toString(StandardCharsets.UTF_8));
        assertEquals(1, made.get());

        versions.put("demo", 1L); // a write acknowledged on this node: never given again, by anyone
        AtomicInteger chained = new AtomicInteger();
        get(Map.of(), chained);
        get(Map.of(), chained);
        assertEquals(2, chained.get());
    }

    @Test
    void anAnswerOlderThanItsMaximumAgeIsNotServedAndTheBoundsHold() throws Exception {
        front.keep(answer("<p>kept</p>", 0));
        now.addAndGet(1_000_000_000L);
        AtomicInteger chained = new AtomicInteger();
        get(Map.of(), chained);
        assertEquals(1, chained.get(), "a second old: made again (another node may have written)");
        for (int i = 0; i < 5; i++) {
            front.keep(new SharedAnswer(SharedAnswers.key("/b/demo/questions/" + i, null, "fr-FR", null), "demo", 0, now.get(),
                1_000_000_000L, "web", 200, Map.of(), new byte[10], "\"t\"", false));
        }
        int kept = 0;
        for (int i = 0; i < 5; i++) {
            AtomicInteger c = new AtomicInteger();
            get("/b/demo/questions/" + i, Map.of(), (rq, rs) -> c.incrementAndGet());
            kept += 1 - c.get();
        }
        assertEquals(3, kept, "at most three answers, as configured");
    }

    private SharedAnswer answer(String body, long version) {
        return new SharedAnswer(SharedAnswers.key(PAGE, null, "fr-FR", null), "demo", version, now.get(), 1_000_000_000L, "web",
            200, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "public, max-age=1", "ETag", "\"tag\""),
            body.getBytes(StandardCharsets.UTF_8), "\"tag\"", true);
    }

    private Sent get(Map<String, String> headers, AtomicInteger chained) throws IOException, ServletException {
        return get(PAGE, headers, (rq, rs) -> chained.incrementAndGet());
    }

    private Sent get(Map<String, String> headers, FilterChain chain) throws IOException, ServletException {
        return get(PAGE, headers, chain);
    }

    private Sent get(String path, Map<String, String> extra, FilterChain chain) throws IOException, ServletException {
        Map<String, String> headers = new HashMap<>(Map.of("Accept-Language", "fr-FR"));
        headers.putAll(extra);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                case "getMethod" -> "GET";
                case "getRequestURI" -> path;
                case "getQueryString" -> null;
                case "getHeader" -> headers.get((String) args[0]);
                case "getHeaders" -> headers.containsKey((String) args[0])
                    ? Collections.enumeration(List.of(headers.get((String) args[0]))) : Collections.emptyEnumeration();
                default -> throw new UnsupportedOperationException(m.getName());
            });
        Sent sent = new Sent();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                sent.body.write(b);
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                case "setStatus" -> {
                    sent.status = (Integer) args[0];
                    yield null;
                }
                case "setHeader" -> {
                    if (args[1] == null) {
                        sent.headers.remove((String) args[0]);
                    } else {
                        sent.headers.put((String) args[0], (String) args[1]);
                    }
                    yield null;
                }
                case "setContentLength" -> null;
                case "getOutputStream" -> out;
                default -> throw new UnsupportedOperationException(m.getName());
            });
        front.doFilter(request, response, chain);
        return sent;
    }
}
