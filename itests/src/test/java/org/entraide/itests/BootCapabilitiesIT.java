package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.entraide.itests.support.ApiClientAuth;
import org.entraide.itests.support.EntraideKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution starts at boot exactly the capabilities it was built with ({@code -Dentraide.boot.capabilities},
 * none by default): they are listed in {@code featuresBoot} of its {@code etc/org.apache.karaf.features.cfg}, beside
 * the platform's, started without any {@code feature:install}, and offered to brands; the others are only carried in
 * {@code system/}. Built with the property, e.g.
 * {@code mvn verify -Dentraide.boot.capabilities=entraide-reputation,entraide-badges -Dit.test=BootCapabilitiesIT},
 * this checks that set (docs/operations.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BootCapabilitiesIT extends EntraideKarafTestSupport {
    private static final String BOOT = "entraide.itest.boot.capabilities";
    private static final String ALL = "entraide.itest.capabilities";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            systemProperty(BOOT).value(System.getProperty("entraide.boot.capabilities", "")),
            systemProperty(ALL).value(System.getProperty("entraide.capabilities", ""))};
    }

    @Test
    public void theDistributionStartsTheCapabilitiesItWasBuiltWith() throws Exception {
        List<String> boot = names(System.getProperty(BOOT));
        List<String> all = names(System.getProperty(ALL));
        assertTrue("the capabilities of the root pom", all.size() >= 7);
        assertTrue(all + " carries " + boot, all.containsAll(boot));

        Properties cfg = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.features.cfg"))) {
            cfg.load(in);
        }
        List<String> featuresBoot = names(cfg.getProperty("featuresBoot").replaceAll("[()]", ""));
        assertTrue(featuresBoot.toString(), featuresBoot.containsAll(List.of("entraide-core", "entraide-web")));
        assertEquals("true", cfg.getProperty("featuresBootAsynchronous"));
        ApiClient api = api();
        Map<String, Boolean> installed = new HashMap<>();
        api.get("/api/v1/instance/capabilities", ApiClientAuth.basic("karaf", "karaf")).json.get("items").forEach(c ->
            installed.put(c.get("name").asText(), c.get("installedVersions").size() > 0));
        for (String capability : all) {
            boolean atBoot = boot.contains(capability);
            assertEquals(capability + " in featuresBoot " + featuresBoot, atBoot, featuresBoot.contains(capability));
            assertEquals(capability + " installed, as the instance console says", atBoot, installed.get(capability));
            if (atBoot) {
                String name = "\"name\":\"" + capability.substring("entraide-".length()) + "\"";
                Awaitility.await(capability + " offered to brands").atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/api/v1/brands/demo/features", null).raw.body().contains(name));
            }
        }
    }

    /** Feature names of a comma-separated list, without their versions ({@code entraide-core/0.1.0.SNAPSHOT}). */
    private static List<String> names(String list) {
        return Arrays.stream(list == null ? new String[0] : list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .map(s -> s.replaceAll("/.*", "")).toList();
    }
}
