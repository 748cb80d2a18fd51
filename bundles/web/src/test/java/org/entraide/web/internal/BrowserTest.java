package org.entraide.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.TestDatabases;
import org.entraide.core.internal.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The pages in Debian's headless chromium: the DOM it builds and screenshots at desktop and phone width
 * (written to target/screenshots; docs/screenshots holds the published ones). Skipped when chromium is absent;
 * .ci/run installs it.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void questionPageRendersInChromiumAtDesktopAndPhoneWidth() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null, "no /usr/bin/chromium");
        try (TestServer server = new TestServer(TestDatabases.h2())) {
            new DemoSeeder(server.core).seedIfAbsent();
            server.camel().addRoutes(new WebRoutes());
            Community community = new Community(new Http(server.base()));
            var asker = community.join("demo");
            long id = community.ask(asker, "demo", "Can I return a drill bought online in a store?",
                "I bought it on the website last week; the box is unopened.", null, List.of()).json().get("id").asLong();
            community.answer(community.join("demo"), "demo", id, "Yes, with the **order number**, within 30 days.");
            String url = server.base() + "/b/demo/questions/" + id;
            String dom = chromium("--dump-dom", url);
            assertTrue(dom.contains("Can I return a drill bought online in a store?"), dom);
            assertTrue(dom.contains("<strong>order number</strong>"), dom);
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            for (String[] size : new String[][] {{"desktop", "1280,900"}, {"phone", "390,844"}}) {
                for (String[] p : new String[][] {{"home", server.base() + "/b/demo"}, {"question", url}}) {
                    Path file = shots.resolve(p[0] + "-" + size[0] + ".png").toAbsolutePath();
                    chromium("--window-size=" + size[1], "--hide-scrollbars", "--screenshot=" + file, p[1]);
                    assertTrue(Files.size(file) > 1000, file + " is empty");
                }
            }
        }
    }

    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed");
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return out;
    }
}
