package org.entraide.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;
import org.entraide.itests.support.ApiClient;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * README's first command, as a new user runs it: {@code ./start-demo.sh} (on the distribution just built, in its own
 * folder, on free ports, with JAVA_HOME unset) serves the demo with every capability of the distribution started and
 * enabled for the demo brand, and the demo's history processed by all of them: the seeded Lyon complaint in the
 * manager's inbox, a store ranking, badge holders, a held post and an appeal in the moderation queue. It prints
 * the address it serves, and neither it nor {@code bin/client} warns about JAVA_HOME or Flyway. Complaints filed four
 * days before the first start (the platform's time set back meanwhile) are late, on the dashboard and in the inbox.
 */
public class DemoIT {
    private static final String DEMO = "/api/v1/brands/demo";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static Process script;
    private static Path out;
    private static Path home;
    private static int httpPort;
    private static int sshPort;
    private static ApiClient api;

    @BeforeClass
    public static void startDemo() throws Exception {
        Path dir = Path.of("target", "demo").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        out = dir.resolve("start-demo.out");
        httpPort = freePort();
        sshPort = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of("..", "start-demo.sh").toAbsolutePath().normalize().toString())
            .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("ENTRAIDE_DIST", System.getProperty("entraide.distribution"));
        pb.environment().put("ENTRAIDE_DEMO_DIR", dir.toString());
        pb.environment().put("ORG_ENTRAIDE_HTTP_HTTP_PORT", String.valueOf(httpPort));
        pb.environment().put("ORG_APACHE_KARAF_SHELL_SSHPORT", String.valueOf(sshPort));
        pb.environment().put("ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT", String.valueOf(freePort()));
        pb.environment().put("ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT", String.valueOf(freePort()));
        script = pb.start();
        home = dir.resolve("entraide-" + System.getProperty("entraide.version"));
        api = new ApiClient("http://127.0.0.1:" + httpPort);
        Awaitility.await("the demo's API").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
            .ignoreExceptions().until(() -> api.get("/api/v1/health", null).status() == 200);
    }

    @AfterClass
    public static void stopDemo() {
        if (script == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(script.descendants().toList());
        all.add(script.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                h.destroyForcibly();
            }
        }
    }

    @Test
    public void printsTheAddressItServes() throws IOException {
        assertTrue(output(), output().contains("Starting Entraide on http://localhost:" + httpPort + "/"));
    }

    @Test
    public void everyCapabilityOfTheDistributionIsListedAndEnabledForTheDemo() {
        List<String> capabilities = Arrays.stream(System.getProperty("entraide.capabilities").split(","))
            .map(f -> f.strip().substring("entraide-".length())).toList();
        assertFalse(capabilities.isEmpty());
        Awaitility.await("capabilities enabled").atMost(WAIT).until(() -> {
            JsonNode items = api.get(DEMO + "/features", null).json.get("items");
            List<String> enabled = new ArrayList<>();
            items.forEach(i -> {
                if (i.get("enabled").asBoolean()) {
                    enabled.add(i.get("name").asText());
                }
            });
            return enabled.containsAll(capabilities);
        });
    }

    @Test
    public void theSeededLyonComplaintIsInTheManagersInbox() {
        String manager = api.login("demo", "manager@demo.example", "entraide-demo");
        Awaitility.await("the seeded complaint routed").atMost(WAIT).ignoreExceptions().until(() ->
            api.get(DEMO + "/managers/me/complaints?size=50", manager).raw.body()
                .contains("Rayon peinture vide depuis deux semaines"));
    }

    @Test
    public void theLyonStoreHasARankingRowThatCountsItsListedComplaints() throws Exception {
        Awaitility.await("the scenario's complaints routed and evaluated").atMost(WAIT).ignoreExceptions().until(() -> {
            JsonNode lyon = lyonFigures();
            return lyon != null && lyon.get("evaluated").asInt() >= 2;
        });
        // the store page lists the core's complaints and shows local managers' figures: the same count
        long listed = api.get(DEMO + "/complaints?size=1&store=LYON-PARTDIEU", null).json.get("total").asLong();
        assertEquals(listed, lyonFigures().get("complaints").asLong());
        String page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + httpPort + "/b/demo/stores/LYON-PARTDIEU")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page, page.contains("<td>" + listed + "</td>"));
        assertEquals(page, listed, page.split("href=\"/b/demo/complaints/\\d+\"", -1).length - 1);
    }

    @Test
    public void membersHoldBadgesAndReputation() {
        Awaitility.await("badges awarded").atMost(WAIT).ignoreExceptions().until(() -> {
            for (JsonNode b : api.get(DEMO + "/badges?size=50", null).json.get("items")) {
                if (b.path("holders").asInt() > 0) {
                    return true;
                }
            }
            return false;
        });
        Awaitility.await("a leaderboard").atMost(WAIT).ignoreExceptions().until(() ->
            api.get(DEMO + "/leaderboard", null).json.get("items").size() > 0);
    }

    @Test
    public void theModerationQueueHasAHeldPostAndAnAppeal() {
        String moderator = api.login("demo", "moderator@demo.example", "entraide-demo");
        Awaitility.await("a held post in the queue").atMost(WAIT).ignoreExceptions().until(() ->
            api.get(DEMO + "/moderation/queue", moderator).raw.body().contains("\"source\":\"HOLD\""));
        Awaitility.await("an appeal").atMost(WAIT).ignoreExceptions().until(() ->
            api.get(DEMO + "/moderation/appeals", moderator).json.get("total").asInt() > 0);
    }

    @Test
    public void aComplaintWasHandedOverToTheCentralTeam() {
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        Awaitility.await("an escalation on the dashboard").atMost(WAIT).ignoreExceptions().until(() ->
            api.get(DEMO + "/rankings/dashboard", admin).json.path("openByLevel").path("CENTRAL").asInt() >= 1);
    }

    @Test
    public void lateAndEscalatedComplaintsAreInTheManagersInboxAndOnTheDashboard() {
        String manager = api.login("demo", "manager@demo.example", "entraide-demo");
        String admin = api.login("demo", "admin@demo.example", "entraide-demo");
        // filed four days before the first start and never answered: past its deadline, escalated to the region
        Awaitility.await("the late complaint escalated to the region").atMost(WAIT).ignoreExceptions().until(() -> {
            JsonNode late = inboxItem(manager, "Remboursement toujours en attente");
            return late.get("late").asBoolean() && late.get("level").asText().equals("REGION");
        });
        long late = inboxItem(manager, "Remboursement toujours en attente").get("complaintId").asLong();
        JsonNode handedOver = inboxItem(manager, "Points de fidélité disparus");
        assertEquals(handedOver.toString(), "CENTRAL", handedOver.get("level").asText());
        assertFalse("answered late, no longer waiting", inboxItem(manager, "Livraison à domicile jamais arrivée").get("late").asBoolean());

        JsonNode dashboard = api.get(DEMO + "/rankings/dashboard", admin).json;
        List<Long> onDashboard = new ArrayList<>();
        dashboard.get("late").forEach(c -> onDashboard.add(c.get("complaintId").asLong()));
        assertTrue(dashboard.toString(), onDashboard.contains(late));
        assertTrue(dashboard.toString(), dashboard.path("openByLevel").path("REGION").asInt() >= 1);
        assertTrue(dashboard.toString(), dashboard.path("openByLevel").path("CENTRAL").asInt() >= 1);
        // the Lyon store's figures count the late answer: not every answer came on time
        JsonNode lyon = lyonFigures();
        assertTrue(lyon.toString(), lyon.get("onTime").asLong() < lyon.get("responded").asLong());
    }

    @Test
    public void noWarningAboutJavaHomeOrFlywayOnStartNorFromTheClient() throws Exception {
        Awaitility.await("boot finished").atMost(WAIT).until(() -> output().contains("Demo scenario: played"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
            "-u", "karaf", "-p", "karaf", "-b").redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        Process client = pb.start();
        client.getOutputStream().write("feature:list -i\n".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String listed = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(60, TimeUnit.SECONDS));
        for (String feature : System.getProperty("entraide.capabilities").split(",")) {
            assertTrue(listed, listed.lines().anyMatch(l -> l.startsWith(feature.strip() + " ") && l.contains("Started")));
        }
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        for (String text : new String[] {output(), listed, log}) {
            assertFalse(text.contains("JAVA_HOME not set"));
            assertFalse(text.contains("newer than this version of Flyway"));
        }
    }

    private static JsonNode inboxItem(String manager, String title) {
        for (JsonNode c : api.get(DEMO + "/managers/me/complaints?size=50", manager).json.get("items")) {
            if (c.get("title").asText().equals(title)) {
                return c;
            }
        }
        throw new AssertionError("no complaint '" + title + "' in the Lyon manager's inbox");
    }

    private static JsonNode lyonFigures() {
        for (JsonNode s : api.get(DEMO + "/rankings/stores", null).json.get("items")) {
            if (s.get("storeCode").asText().equals("LYON-PARTDIEU")) {
                return s;
            }
        }
        return null;
    }

    private static String output() throws IOException {
        return Files.readString(out);
    }

    private static int freePort() {
        return org.entraide.itests.support.Ports.free();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
