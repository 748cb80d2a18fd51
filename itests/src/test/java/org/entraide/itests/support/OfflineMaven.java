package org.entraide.itests.support;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of etc/org.ops4j.pax.url.mvn.cfg for a container under test: artifacts come from the distribution's
 * system folder and the build's local Maven repository, never from the network. A container that downloaded at
 * boot has been seen to stall for minutes, with nothing in its log, when the network was slow; a missing
 * artifact now fails at once, naming it.
 */
public final class OfflineMaven {
    public static final String FILE = "etc/org.ops4j.pax.url.mvn.cfg";

    private OfflineMaven() {
    }

    public static Map<String, String> settings() {
        String local = System.getProperty("entraide.maven.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        // Read as a plain directory layout: Maven's local repository would otherwise only serve the artifacts it
        // recorded as coming from a remote repository this container knows.
        String defaults = "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
            + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots,"
            + "${karaf.base.uri}${karaf.default.repository}@id=child.system.repository@snapshots,"
            + Path.of(local).toUri() + "@id=build.local.repository@snapshots";
        return Map.of(
            "org.ops4j.pax.url.mvn.defaultRepositories", defaults,
            "org.ops4j.pax.url.mvn.repositories", "",
            "org.ops4j.pax.url.mvn.offline", "true");
    }
}
