package org.entraide.itests.support;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.util.Filter;
import org.awaitility.Awaitility;

/**
 * Boots the Entraide distribution built by this reactor, on free ports so that tests run beside a
 * developer's instance. Test methods run inside Karaf and reach the API over real HTTP on loopback.
 * On failure the tail of karaf.log is printed. (Karaf's own KarafTestSupport boots the stock Karaf
 * distribution and reruns failed tests once; neither suits us, so this base stays small.)
 */
public abstract class EntraideKarafTestSupport {
    protected static final String PORT_PROPERTY = "entraide.itest.http.port";
    /**
     * The containers' JVM flags: the quick compiler alone and the simplest collector, as for the unit tests (a test's
     * Karaf lives a few minutes, and two of them share two cores with the test JVMs).
     */
    public static final java.util.List<String> TEST_JVM_OPTIONS = java.util.List.of("-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC");

    /** Waits for the boot features; a loaded machine may need well over PAX Exam's default 10 s. */
    @Inject
    @Filter(timeout = 180_000)
    protected BootFinished bootFinished;

    @Rule
    public final TestWatcher logOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            System.err.println("---- karaf.log (tail) for " + description + " ----\n" + logTail(200));
        }
    };

    @Configuration
    public Option[] config() {
        String dist = new File(System.getProperty("entraide.distribution")).toURI().toString();
        String http = String.valueOf(freePort());
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration().frameworkUrl(dist).name("entraide").karafVersion("4.4.10")
                .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.entraide.http.cfg", "http.port", http),
            editConfigurationFilePut("etc/system.properties", PORT_PROPERTY, http),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.entraide.core.cfg", "demo.enabled", "true"),
            mavenBundle("org.awaitility", "awaitility", "4.2.2"),
            mavenBundle("org.hamcrest", "hamcrest", "2.1"),
            systemProperty("entraide.itest").value("true"),
            // PAX Exam's probe waits 10 s for PAX Exam's own services, then never runs: a loaded machine still
            // installing the boot features has been seen to need more
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
            systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT").value("180000")));
        TEST_JVM_OPTIONS.forEach(flag -> options.add(new VMOption(flag)));
        OfflineMaven.settings().forEach((key, value) -> options.add(editConfigurationFilePut(OfflineMaven.FILE, key, value)));
        options.addAll(List.of(extraOptions()));
        return options.toArray(Option[]::new);
    }

    /** Options a test class adds, such as another datasource configuration. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** An HTTP client of this container's API, once it answers its health check. */
    protected ApiClient api() {
        ApiClient client = new ApiClient("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY));
        Awaitility.await("API health").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> client.get("/api/v1/health", null).status() == 200);
        return client;
    }

    protected static int freePort() {
        return Ports.free();
    }

    /** The last lines of karaf.log (inside the container, karaf.data points at the running instance). */
    protected static String logTail(int lines) {
        String data = System.getProperty("karaf.data");
        if (data == null) {
            return "(not inside Karaf)";
        }
        Path log = Path.of(data, "log", "karaf.log");
        try (Stream<String> all = Files.lines(log)) {
            List<String> list = all.collect(Collectors.toList());
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * ERROR lines of karaf.log: a clean run has none. One is Karaf's and not ours: when its features service is
     * restarted while the boot features are being installed in their own thread (featuresBootAsynchronous, see
     * docs/operations.md), the interrupted installation logs "Error installing boot features" and the restarted
     * service installs them again. Karaf publishes {@link BootFinished}, which every test waits for, only after an
     * installation that succeeded, so a test that runs has seen the boot complete: that line is printed with its
     * cause for the record and not counted.
     */
    protected static List<String> logErrors() {
        String data = System.getProperty("karaf.data");
        List<String> lines;
        try (Stream<String> all = Files.lines(Path.of(data, "log", "karaf.log"))) {
            lines = all.collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("| ERROR |")) {
                continue;
            }
            if (line.contains("BootFeaturesInstaller") && line.contains("Error installing boot features")) {
                System.out.println("Karaf's boot installation was interrupted and done again (not counted):\n"
                    + String.join("\n", lines.subList(i, Math.min(lines.size(), i + 40))));
                continue;
            }
            errors.add(line);
        }
        return errors;
    }
}
