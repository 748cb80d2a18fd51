package org.entraide.moderation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.entraide.core.internal.CoreSettings;
import org.entraide.jdbc.Sql;
import org.entraide.core.internal.demo.DemoSeeder;
import org.entraide.core.internal.support.TestServer;
import org.entraide.moderation.internal.shell.CommandLine;
import org.entraide.moderation.internal.store.RuleSets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule sets from etc/entraide-moderation-<brand>.json files, and the entraide:moderation-rulesets command. */
abstract class RuleSetFilesScenarios {
    static final String COMPETITORS = "{\"ruleSets\": [{\"name\": \"Concurrents\", \"active\": true, \"rules\": [{\"name\": "
        + "\"competitor-links\", \"action\": \"HOLD\", \"condition\": {\"type\": \"regex\", \"pattern\": \"%s\"}, "
        + "\"reason\": {\"fr\": \"Les liens vers les concurrents sont relus.\", \"en\": \"Links to competitors are reviewed.\"}}]}]}";

    TestServer server;
    Moderation moderation;
    long demo;
    @TempDir
    Path etc;

    abstract DataSource dataSource();

    void dropDatabase() {
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dataSource(), CoreSettings.defaults().withEventPoll(Duration.ofMillis(50)));
        new DemoSeeder(server.core).seedIfAbsent();
        moderation = Moderation.start(new Moderation.CoreServices(server.core.db, server.core.events, server.core.publications,
            Platform.of(server.core.platform), server.core.migrator, server.core.endpoints, server.core.capabilities),
            new Moderation.ModerationSettings(3.0, Duration.ofHours(24), Duration.ofMinutes(1), etc), Clock.systemUTC());
        demo = server.core.brands.require("demo").id();
    }

    @AfterEach
    void stop() {
        server.close();
        dropDatabase();
    }

    private RuleSets.Stored competitors() {
        return moderation.ruleSetImport.current(demo).stream().filter(s -> s.ruleSet().name().equals("Concurrents"))
            .findFirst().orElseThrow();
    }

    private long count(String sql, Object... params) {
        return server.core.db.inTransaction(c -> Sql.count(c, sql, params));
    }

    private void write(String file, String content) throws Exception {
        Files.writeString(etc.resolve(file), content);
    }

    @Test
    void aChangedFileIsANewVersionAnInvalidOneChangesNothing() throws Exception {
        assertEquals(0, moderation.ruleSetFiles.scan(), "no file, nothing to do");
        write("entraide-moderation-demo.json", String.format(COMPETITORS, "concurrent\\\\.example"));
        assertEquals(1, moderation.ruleSetFiles.scan());
        assertEquals(1, competitors().version());
        assertEquals(org.entraide.moderation.internal.store.RuleSets.shipped().size() + 1, moderation.ruleSetImport.current(demo).size(),
            "beside the shipped rule sets");
        assertEquals(0, moderation.ruleSetFiles.scan(), "an unchanged file is not read again");
        moderation.ruleSetFiles.use(etc.resolve("."));
        assertEquals(1, moderation.ruleSetFiles.scan(), "read again (as after a restart)");
        assertEquals(1, competitors().version(), "but the same rule set makes no new version");

        write("entraide-moderation-demo.json", String.format(COMPETITORS, "(concurrent|rival)\\\\.example"));
        assertEquals(1, moderation.ruleSetFiles.scan());
        assertEquals(2, competitors().version(), "a changed file is a new version");
        assertTrue(competitors().ruleSet().rules().get(0).condition().toString().contains("rival"));

        long versions = count("SELECT COUNT(*) FROM moderation_ruleset_version");
        write("entraide-moderation-demo.json", String.format(COMPETITORS, "(unclosed"));
        assertEquals(0, moderation.ruleSetFiles.scan(), "a pattern that does not compile");
        write("entraide-moderation-demo.json", "{\"ruleSets\": [");
        assertEquals(0, moderation.ruleSetFiles.scan(), "not JSON");
        write("entraide-moderation-nobody.json", String.format(COMPETITORS, "x"));
        write("entraide-moderation-demo.json.bak", String.format(COMPETITORS, "y"));
        assertEquals(0, moderation.ruleSetFiles.scan(), "a brand that does not exist, a file of another name");
        assertEquals(versions, count("SELECT COUNT(*) FROM moderation_ruleset_version"), "nothing stored");
        assertTrue(competitors().ruleSet().rules().get(0).condition().toString().contains("rival"), "the last good version stays");
        assertEquals(2, count("SELECT COUNT(*) FROM moderation_audit WHERE action = 'RULESET' AND reason LIKE "
            + "'Concurrents v_ from entraide-moderation-demo.json'"), "audited with the file's name");
    }

    @Test
    void theShellCommandListsImportsActivatesAndTries() throws Exception {
        String list = new CommandLine(moderation, "demo").run();
        assertTrue(list.contains("Propos injurieux") && list.contains("Spam et nouveaux comptes"), list);
        assertTrue(new CommandLine(moderation, "nobody").run().contains("No brand 'nobody'"));

        Path file = etc.resolve("competitors.json");
        Files.writeString(file, String.format(COMPETITORS, "concurrent\\\\.example"));
        CommandLine imports = new CommandLine(moderation, "demo").importing(file.toString());
        assertTrue(imports.run().contains("Concurrents: created v1"));
        assertTrue(imports.run().contains("Concurrents: unchanged (v1)"));
        Files.writeString(file, String.format(COMPETITORS, "(unclosed"));
        String invalid = imports.run();
        assertTrue(invalid.contains("is invalid, nothing stored: ruleSets[0] (Concurrents): rules[0].condition"), invalid);
        String missing = new CommandLine(moderation, "demo").importing(etc.resolve("missing.json").toString()).run();
        assertTrue(missing.startsWith("Cannot read"), missing);

        CommandLine tries = new CommandLine(moderation, "demo").trying("Achetez plutôt sur concurrent.example, c'est moins cher");
        String tried = tries.run();
        assertTrue(tried.contains("Decision: HOLD") && tried.contains("competitor-links"), tried);

        long id = competitors().id();
        assertTrue(new CommandLine(moderation, "demo").deactivating(id).run().contains("is inactive, version 2"));
        assertTrue(tries.run().contains("Decision: PUBLISH"), "an inactive rule set does not apply");
        assertTrue(new CommandLine(moderation, "demo").activating(id).run().contains("is active, version 3"));
        assertTrue(new CommandLine(moderation, "demo").activating(999_999L).run().contains("no rule set 999999"));
        assertTrue(new CommandLine(moderation, "demo").activating(id).trying("x").run().contains("Choose one of"));
    }
}
