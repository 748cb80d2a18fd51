package org.entraide.web.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless chromium driven through the DevTools protocol over a WebSocket: navigate, fill and submit
 * forms as a user would, read the page, take screenshots and run the axe-core accessibility checks.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static Chromium start() throws Exception {
        Path profile = Files.createTempDirectory("chromium-cdp-");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserUrl = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; browserUrl == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            Matcher m = DEVTOOLS.matcher(line);
            if (m.find()) {
                browserUrl = m.group(1);
            }
        }
        if (browserUrl == null) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // chromium's own log; read so that it never blocks on a full pipe
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        URI ws = URI.create(browserUrl);
        HttpClient http = HttpClient.newHttpClient();
        String pageUrl = null;
        for (int i = 0; i < 50 && pageUrl == null; i++) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + ws.getAuthority() + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    pageUrl = t.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageUrl == null) {
                Thread.sleep(100);
            }
        }
        Chromium[] self = new Chromium[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    self[0].received(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new Chromium(p, profile, socket);
        self[0].call("Page.enable", Map.of());
        self[0].call("Runtime.enable", Map.of());
        return self[0];
    }

    private void received(String text) {
        try {
            JsonNode msg = JSON.readTree(text);
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    if (msg.has("error")) {
                        f.completeExceptionally(new IllegalStateException(msg.get("error").toString()));
                    } else {
                        f.complete(msg.path("result"));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).get(30, TimeUnit.SECONDS);
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Evaluates a script in the page (DevTools evaluation is not subject to the page's CSP), awaiting a promise. */
    JsonNode eval(String script) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", script, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Loads a page and waits until it is complete. */
    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        settle();
    }

    /** Types into a field, like a user (the value, then an input event). */
    void fill(String selector, String value) throws Exception {
        eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + "); if (!e) throw new Error('no "
            + selector.replace("'", "") + "'); e.focus(); e.value = " + JSON.writeValueAsString(value)
            + "; e.dispatchEvent(new Event('input', {bubbles: true})); })()");
    }

    void check(String selector) throws Exception {
        eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + "); if (!e) throw new Error('no "
            + selector.replace("'", "") + "'); e.checked = true; })()");
    }

    /** Chooses files in a file input, as a user picking them in the browser's dialog. */
    void upload(String selector, Path... files) throws Exception {
        int root = call("DOM.getDocument", Map.of("depth", 0)).path("root").path("nodeId").asInt();
        int input = call("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
        if (input == 0) {
            throw new IllegalStateException("no " + selector);
        }
        call("DOM.setFileInputFiles", Map.of("nodeId", input,
            "files", java.util.Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).toList()));
    }

    /** Clicks a button or link and waits for the page it leads to. */
    void click(String selector) throws Exception {
        eval("window.__leaving = true");
        eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + "); if (!e) throw new Error('no "
            + selector.replace("'", "") + "'); e.click(); })()");
        settle();
    }

    private void settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode state = eval("({left: window.__leaving === undefined, ready: document.readyState})");
            if (state.path("left").asBoolean() && "complete".equals(state.path("ready").asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the page did not load within 30 s");
    }

    String url() throws Exception {
        return eval("location.pathname + location.search").asText();
    }

    String text(String selector) throws Exception {
        return eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + "); return e ? e.innerText : null; })()")
            .asText(null);
    }

    String html() throws Exception {
        return eval("document.documentElement.outerHTML").asText();
    }

    /** Forgets every cookie: the next user of this browser starts signed out. */
    void clearCookies() throws Exception {
        call("Network.clearBrowserCookies", Map.of());
    }

    /** A PNG of the whole page at this viewport width. */
    byte[] screenshot(int width, int height, boolean mobile) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        settle();
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        call("Emulation.clearDeviceMetricsOverride", Map.of());
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    /** The axe-core violations of WCAG 2 A and AA on the current page, as "rule: target" lines. */
    List<String> accessibilityViolations() throws Exception {
        if (!eval("typeof axe !== 'undefined'").asBoolean()) {
            eval(Axe.source());
        }
        JsonNode violations = eval("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))");
        return JSON.convertValue(violations, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            deleteProfile();
        }
    }

    /** Chromium's helper processes may still be writing their last files: what remains is left to the OS's /tmp. */
    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            profile.toFile().deleteOnExit();
        }
    }

    /** axe-core, from its webjar on the test classpath. */
    static final class Axe {
        private static volatile String source;

        static String source() throws IOException {
            if (source == null) {
                try (var in = Chromium.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                    if (in == null) {
                        throw new IllegalStateException("axe-core webjar missing from the test classpath");
                    }
                    source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return source;
        }
    }
}
