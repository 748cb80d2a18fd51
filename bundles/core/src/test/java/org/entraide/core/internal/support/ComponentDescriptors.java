package org.entraide.core.internal.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a plugin's Declarative Services components provide, read from the descriptors bnd generated in the module
 * being tested, to check that the tests install the same services as Karaf registers.
 */
public final class ComponentDescriptors {
    private static final Pattern PROVIDE = Pattern.compile("<provide interface=\"([^\"]+)\"");

    private ComponentDescriptors() {
    }

    /** Every interface some component of this module provides. */
    public static Set<String> provided() throws IOException {
        Set<String> provided = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/OSGI-INF"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                Matcher m = PROVIDE.matcher(Files.readString(f));
                while (m.find()) {
                    provided.add(m.group(1));
                }
            }
        }
        return provided;
    }

    /** Which of those interfaces the services a plugin lists implement. */
    public static Set<String> kinds(List<?> services, Set<String> interfaces) throws ClassNotFoundException {
        Set<String> kinds = new TreeSet<>();
        for (String kind : interfaces) {
            Class<?> type = Class.forName(kind);
            if (services.stream().anyMatch(type::isInstance)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Whether the module's manifest declares a service of that internal class by hand. */
    public static boolean declaredByHand(Class<?> internal) throws IOException {
        return Files.readString(Path.of("target/classes/META-INF/MANIFEST.MF")).contains(internal.getName() + "\"");
    }
}
