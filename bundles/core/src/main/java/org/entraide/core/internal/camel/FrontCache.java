package org.entraide.core.internal.camel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.entraide.api.web.ContentVersions;
import org.entraide.api.web.SharedAnswer;
import org.entraide.api.web.SharedAnswers;
import org.entraide.core.internal.metrics.HttpMetrics;
import org.entraide.core.internal.rest.HttpCaching;

/**
 * Serves the answers bundles marked as the same for every anonymous visitor ({@link SharedAnswers}) in front of
 * Camel, as a servlet filter on the HTTP port: a public page read by many costs a map lookup and a write of bytes, not
 * an exchange, a route and its rendering. Everything else, and every answer that is not current, goes on to Camel.
 * A request served here still gets its id, its log line and its metrics, exactly as {@link RequestLog} gives them.
 */
public final class FrontCache implements Filter, SharedAnswers {
    /** The registry name of the filter, which the fallback consumer on {@code /} installs. */
    public static final String FILTER_NAME = "entraideFrontCache";

    private final HttpMetrics metrics;
    private final int maxEntries;
    private final long maxBytes;
    private final LongSupplier clock;
    private final Map<String, Kept> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, java.util.concurrent.atomic.LongAdder> hits = new ConcurrentHashMap<>();
    private volatile ContentVersions versions;

    /**
     * An answer and, made on the first client that accepts it, its compressed bytes. In the second half of its maximum
     * age, the first request that finds it makes the next one while the others are still given it: a crisis sends
     * thousands to the same page, and without this every one of them would make it again at the same moment. Nobody
     * waits: a request that waited would hold one of the server's threads, which the page it waits for may need.
     */
    private static final class Kept {
        final SharedAnswer answer;
        volatile byte[] gzipped;
        final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

        Kept(SharedAnswer answer) {
            this.answer = answer;
        }
    }

    /** What {@link #find} says of a request: the answer to give, or the stale answer this request makes again. */
    private record Found(Kept current, Kept refreshedByThis) {
        static final Found NOTHING = new Found(null, null);
    }

    public FrontCache(HttpMetrics metrics, int maxEntries, long maxBytes, LongSupplier clock) {
        this.metrics = metrics;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The versions answers are checked against; until set, nothing is served here. */
    public void versions(ContentVersions current) {
        this.versions = current;
    }

    @Override
    public void keep(SharedAnswer answer) {
        if (maxEntries <= 0 || answer.key() == null || answer.body().length > maxBytes / 4) {
            return;
        }
        Kept previous = entries.put(answer.key(), new Kept(answer));
        bytes.addAndGet(answer.body().length - (previous == null ? 0 : previous.answer.body().length));
        if (entries.size() > maxEntries || bytes.get() > maxBytes) {
            trim();
        }
    }

    /** Drops the answers past their maximum age, then, while still beyond the bounds, any. Answers live about a second. */
    private void trim() {
        long now = clock.getAsLong();
        drop(a -> now - a.madeAtNanos() >= a.maxAgeNanos(), false);
        drop(a -> true, true);
    }

    private void drop(java.util.function.Predicate<SharedAnswer> which, boolean onlyBeyondBounds) {
        for (Iterator<Map.Entry<String, Kept>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (onlyBeyondBounds && entries.size() <= maxEntries && bytes.get() <= maxBytes) {
                return;
            }
            Map.Entry<String, Kept> e = it.next();
            SharedAnswer a = e.getValue().answer;
            if (which.test(a) && entries.remove(e.getKey(), e.getValue())) {
                bytes.addAndGet(-a.body().length);
            }
        }
    }

    /** How many requests were answered here since start. */
    public long hits() {
        return hits.values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum).sum();
    }

    /** How many requests of one route ({@code web} for the pages) were answered here since start. */
    public long hits(String route) {
        var n = hits.get(route);
        return n == null ? 0 : n.sum();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Found found = entries.isEmpty() ? Found.NOTHING : find((HttpServletRequest) request);
        Kept kept = found.current();
        if (kept == null) {
            try {
                chain.doFilter(request, response);
            } finally {
                Kept stale = found.refreshedByThis();
                if (stale != null) {
                    // when nothing replaced it (the route did not keep its answer), the next request tries again
                    stale.refreshing.set(false);
                }
            }
            return;
        }
        long started = System.nanoTime();
        HttpServletRequest in = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        SharedAnswer a = kept.answer;
        hits.computeIfAbsent(a.route(), r -> new java.util.concurrent.atomic.LongAdder()).increment();
        String id = RequestIds.accept(in.getHeader(RequestIds.HEADER));
        boolean unchanged = HttpCaching.matches(in.getHeader("If-None-Match"), a.etag());
        int status = unchanged ? 304 : a.status();
        out.setStatus(status);
        a.headers().forEach(out::setHeader);
        out.setHeader(RequestIds.HEADER, id);
        if (!unchanged) {
            byte[] body = a.body();
            if (a.compressible() && acceptsGzip(in)) {
                body = gzipped(kept);
                out.setHeader("Content-Encoding", "gzip");
            }
            out.setContentLength(body.length);
            if (!"HEAD".equals(in.getMethod())) {
                out.getOutputStream().write(body);
            }
        } else {
            out.setHeader("Content-Type", null);
        }
        long nanos = System.nanoTime() - started;
        metrics.record(a.route(), in.getMethod(), status, nanos);
        if (RequestLog.REQUESTS.isInfoEnabled()) {
            RequestLog.REQUESTS.info("{} {} route={} status={} millis={} requestId={}", in.getMethod(),
                RequestLog.printable(in.getRequestURI()), a.route(), status, nanos / 1_000_000, id);
        }
    }

    /**
     * The answer for this request, if any. An answer is given while its brand's version is the one it was made at and
     * it is younger than its maximum age; in the second half of that age, the first request to find it makes the next
     * one instead (and the others are still given it), so that a page read by many is made again once, before it ends.
     */
    private Found find(HttpServletRequest in) {
        String method = in.getMethod();
        ContentVersions current = versions;
        if (current == null || !("GET".equals(method) || "HEAD".equals(method)) || in.getHeader("Authorization") != null
            || repeated(in.getHeaders("Cookie")) || repeated(in.getHeaders("Accept-Language"))) {
            return Found.NOTHING;
        }
        String key = SharedAnswers.key(in.getRequestURI(), in.getQueryString(), in.getHeader("Accept-Language"),
            in.getHeader("Cookie"));
        Kept kept = key == null ? null : entries.get(key);
        if (kept == null) {
            return Found.NOTHING;
        }
        SharedAnswer a = kept.answer;
        long age = clock.getAsLong() - a.madeAtNanos();
        if (age >= a.maxAgeNanos() || current.version(a.brand()) != a.version()) {
            if (entries.remove(key, kept)) {
                bytes.addAndGet(-a.body().length);
            }
            return Found.NOTHING;
        }
        if (age >= a.maxAgeNanos() / 2 && kept.refreshing.compareAndSet(false, true)) {
            return new Found(null, kept);
        }
        return new Found(kept, null);
    }

    /** True when a header is repeated: which of its values a later reader would take is not ours to guess. */
    private static boolean repeated(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    private static boolean acceptsGzip(HttpServletRequest in) {
        String accepted = in.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    private static byte[] gzipped(Kept kept) throws IOException {
        byte[] done = kept.gzipped;
        if (done == null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(kept.answer.body().length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
                gzip.write(kept.answer.body());
            }
            done = buffer.toByteArray();
            kept.gzipped = done;
        }
        return done;
    }
}
