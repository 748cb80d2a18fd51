package org.entraide.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;

/**
 * On an H2 file database opened with the URL the distribution ships in etc/. Without its WRITE_DELAY=0,
 * H2 keeps the commit in memory for up to half a second and this test loses the write.
 */
class DurabilityH2Test extends DurabilityScenarios {
    static final Path SHIPPED = Path.of("../../config/org.ops4j.datasource-entraide.cfg");
    /**
     * A kill -9 loses what the JVM holds, not what the operating system does: memory-backed files show
     * that as well as a disk, without waiting for a disk sync on every commit.
     */
    static final Path SHM = Path.of("/dev/shm");

    private Path karafData;

    @Override
    protected String jdbcUrl() {
        try {
            karafData = Files.isWritable(SHM) ? Files.createTempDirectory(SHM, "entraide-data")
                : Files.createTempDirectory("entraide-data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties cfg = new Properties();
        try (InputStream in = Files.newInputStream(SHIPPED)) {
            cfg.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED.toAbsolutePath(), e);
        }
        return cfg.getProperty("url").replace("${karaf.data}", karafData.toString());
    }

    @AfterEach
    void deleteData() throws IOException {
        try (var files = Files.walk(karafData)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
