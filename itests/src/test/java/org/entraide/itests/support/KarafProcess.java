package org.entraide.itests.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The distribution run as a separate operating-system process (bin/karaf run), for what PAX Exam cannot do:
 * killing the JVM with SIGKILL in the middle of work and starting it again on the same data.
 */
public final class KarafProcess implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private Process process;

    private KarafProcess(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks a fresh copy of the distribution under target/processes/{name} with free ports and the given config. */
    public static KarafProcess unpack(String name, Map<String, Map<String, String>> config) throws Exception {
        Path dir = Path.of("target", "processes", name).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        run(dir, "tar", "xzf", System.getProperty("entraide.distribution"), "--strip-components=1");
        int http = freePort();
        KarafProcess k = new KarafProcess(dir, http);
        k.edit("org.entraide.http.cfg", Map.of("http.port", String.valueOf(http)));
        k.edit(Path.of(OfflineMaven.FILE).getFileName().toString(), OfflineMaven.settings());
        k.edit("org.apache.karaf.shell.cfg", Map.of("sshPort", String.valueOf(freePort())));
        k.edit("org.apache.karaf.management.cfg", Map.of("rmiRegistryPort", String.valueOf(freePort()),
            "rmiServerPort", String.valueOf(freePort())));
        for (var e : config.entrySet()) {
            k.edit(e.getKey(), e.getValue());
        }
        return k;
    }

    /** Removes the line that sets a key, and the lines its value continues on (ending in a backslash). */
    private static void removeKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                while (i < lines.size() && lines.remove(i).endsWith("\\")) {
                    // the value goes on to the next line
                }
                i--;
            }
        }
    }

    /** Sets keys of an etc/ file, replacing the lines that set them. */
    public void edit(String file, Map<String, String> values) throws IOException {
        Path cfg = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        for (var e : values.entrySet()) {
            removeKey(lines, e.getKey());
            lines.add(e.getKey() + " = " + e.getValue());
        }
        Files.write(cfg, lines);
    }

    /** Adds a feature to those Karaf installs at boot. */
    public void bootFeature(String feature) throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        String updated = text.replaceFirst("(\\n\\s+entraide-core/[^,\\n]+, \\\\\\n)", "$1    " + feature + ", \\\\\n");
        if (updated.equals(text)) {
            throw new IllegalStateException("no entraide-core in featuresBoot of " + cfg);
        }
        Files.writeString(cfg, updated);
    }

    public ApiClient start() throws IOException, InterruptedException {
        try {
            return startOnce(Duration.ofSeconds(150));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // A boot after SIGKILL re-resolves every feature; on a saturated machine it has been seen to stall.
            // Say so loudly and give it one more chance, so that the durability checks below still run.
            System.err.println("WARNING: Karaf at " + home + " did not answer within 150 s; killing and starting it again\n"
                + stallReport());
            kill9();
            try {
                return startOnce(Duration.ofSeconds(240));
            } catch (org.awaitility.core.ConditionTimeoutException again) {
                throw new IllegalStateException("Karaf at " + home + " did not answer after two starts\n" + stallReport(), again);
            }
        }
    }

    /** What a stalled boot was doing: who holds the HTTP port, karaf.log's last lines and the JVM's threads (to a file). */
    private String stallReport() {
        StringBuilder report = new StringBuilder();
        report.append("---- listening on ").append(httpPort).append(": ")
            .append(command("ss", "-Htanp", "sport = :" + httpPort)).append('\n');
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            report.append("---- karaf.log (last 60 lines) ----\n")
                .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()))).append('\n');
        } catch (IOException | RuntimeException e) {
            report.append("karaf.log unreadable: ").append(e).append('\n');
        }
        for (ProcessHandle h : java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()).toList()) {
            if (h.info().command().orElse("").endsWith("java")) {
                Path dump = home.resolve("threads-" + System.currentTimeMillis() + ".txt");
                try {
                    Files.writeString(dump, command("jcmd", String.valueOf(h.pid()), "Thread.print"));
                    report.append("---- threads of ").append(h.pid()).append(" in ").append(dump).append('\n');
                } catch (IOException e) {
                    report.append("no thread dump: ").append(e).append('\n');
                }
            }
        }
        return report.toString();
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.strip();
        } catch (IOException e) {
            return String.join(" ", command) + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + " interrupted";
        }
    }

    private ApiClient startOnce(Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        // the quick compiler alone and the simplest collector, as for the unit tests: a test's Karaf lives a few
        // minutes, and two of them share two cores with the test JVMs
        pb.environment().put("EXTRA_JAVA_OPTS", String.join(" ", EntraideKarafTestSupport.TEST_JVM_OPTIONS));
        process = pb.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + httpPort);
        Awaitility.await("Karaf process API").atMost(timeout).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> api.get("/api/v1/health", null).status() == 200);
        return api;
    }

    /** SIGKILL to the JVM and its launcher: no shutdown hook, no flush, like a crash. */
    public void kill9() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle h : all) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : all) {
            h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static int freePort() {
        return Ports.free();
    }
}
