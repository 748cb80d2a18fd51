package org.entraide.itests.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Assembles the two versions of the upgrade probe from this module's compiled test classes and resources, as two
 * bundles of one symbolic name, and a Karaf feature repository offering feature {@value #FEATURE} in both versions:
 * 1.0.0 with migration V1, 1.1.0 with V1 and V2. Runs in the test's JVM, before Karaf starts.
 */
public final class ProbeBundles {
    public static final String FEATURE = "entraide-" + ProbePlugin.CAPABILITY;
    private static final String SYMBOLIC_NAME = "org.entraide.itests.upgradeprobe";
    private static final String IMPORTS = "org.osgi.framework, org.apache.camel, org.apache.camel.builder, "
        + "org.apache.camel.model, org.apache.camel.model.rest, org.entraide.api.plugin, org.entraide.api.problem, "
        + "org.entraide.api.storage, org.entraide.api.web, org.entraide.api.model, org.entraide.jdbc, "
        + "com.fasterxml.jackson.databind";

    private ProbeBundles() {
    }

    /** Writes both bundles and the repository into {@code dir}; returns the repository's file. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path v1 = bundle(dir, "1.0.0", "org.entraide.itests.upgrade.v1.NotesV1", "upgrade/v1",
            List.of("V1__notes.sql"));
        Path v2 = bundle(dir, "1.1.0", "org.entraide.itests.upgrade.v2.NotesV2", "upgrade/v2",
            List.of("V1__notes.sql", "V2__note_words.sql"));
        Path repo = dir.resolve("upgrade-probe-features.xml");
        Files.writeString(repo, "<features name=\"entraide-upgrade-probe\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
            + feature("1.0.0", v1) + feature("1.1.0", v2) + "</features>\n");
        return repo;
    }

    private static String feature(String version, Path bundle) {
        return "  <feature name=\"" + FEATURE + "\" version=\"" + version + "\" description=\"Upgrade probe " + version
            + "\">\n    <bundle>" + bundle.toUri() + "</bundle>\n  </feature>\n";
    }

    private static Path bundle(Path dir, String version, String activator, String resources, List<String> migrations)
            throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Activator", activator);
        a.putValue("Import-Package", IMPORTS);
        Path jar = dir.resolve("upgrade-probe-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf)) {
            for (String type : List.of(ProbePlugin.class.getName(), ProbePlugin.class.getName() + "$1",
                ProbePlugin.class.getName() + "$2", activator)) {
                copy(out, type.replace('.', '/') + ".class", type.replace('.', '/') + ".class");
            }
            // directory entries: Flyway finds the scripts' folder through the bundle's class loader
            for (String folder : List.of("db/", "db/upgradeprobe/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (String m : migrations) {
                copy(out, resources + "/db/upgradeprobe/" + m, "db/upgradeprobe/" + m);
            }
        }
        return jar;
    }

    private static void copy(JarOutputStream out, String resource, String entry) throws IOException {
        try (InputStream in = ProbeBundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " among the test classes");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
