package org.entraide.core.internal.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Plugins talk to the core through the API, never through its tables: this scans every plugin's main code for SQL
 * naming a table the core's migrations create, and fails on any (the statements are listed when it does).
 */
class PluginSqlScanTest {
    private static final Path BUNDLES = Path.of("..");
    /** What each plugin may hold: none; a plugin reads and commands the core through the platform services. */
    private static final Map<String, Integer> ALLOWED = Map.of("badges", 0, "reputation", 0, "webhooks", 0,
        "local-managers", 0, "moderation", 0);
    /** The platform's own bundles; every other folder under bundles/ is a plugin. */
    private static final Set<String> PLATFORM = Set.of("api", "core", "jdbc", "camel-runtime", "web");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void pluginsNameNoTableOfTheCore() throws IOException {
        Set<String> coreTables = coreTables();
        assertTrue(coreTables.contains("post") && coreTables.contains("app_user"), "the core's tables are found: " + coreTables);
        // every plugin bundle, including ones added later (allowed none), not only those listed
        List<String> plugins;
        try (var dirs = Files.list(BUNDLES)) {
            plugins = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                .filter(name -> !PLATFORM.contains(name)).sorted().toList();
        }
        assertTrue(plugins.containsAll(ALLOWED.keySet()), "every listed plugin is found: " + plugins);
        for (String plugin : plugins) {
            int allowed = ALLOWED.getOrDefault(plugin, 0);
            List<String> found = statements(BUNDLES.resolve(plugin).resolve("src/main/java"), coreTables);
            assertTrue(found.size() <= allowed, plugin + " names the core's tables in " + found.size()
                + " statements (at most " + allowed + "): " + String.join("\n", found));
        }
    }

    private static Set<String> coreTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES.resolve("core/src/main/resources/db/core"))) {
            files.forEach(f -> {
                Matcher m = CREATE.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            });
        }
        return tables;
    }

    private static List<String> statements(Path sources, Set<String> coreTables) throws IOException {
        List<Pattern> uses = coreTables.stream()
            .map(t -> Pattern.compile("\\b(FROM|JOIN|UPDATE|INTO)\\s+" + t + "\\b", Pattern.CASE_INSENSITIVE)).toList();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String[] lines = read(f).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = LITERAL.matcher(lines[i]);
                    while (m.find()) {
                        String literal = m.group(1);
                        if (uses.stream().anyMatch(u -> u.matcher(literal).find())) {
                            found.add(f.getFileName() + ":" + (i + 1) + " " + literal);
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
