package org.entraide.itests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ports for the containers and servers the integration tests start, taken below the kernel's ephemeral range.
 *
 * <p>A port asked of the kernel ({@code new ServerSocket(0)}) comes from the range the kernel also gives to outgoing
 * connections. Between the moment it is chosen and the moment Karaf binds it (and again while a killed Karaf boots
 * on the same port), any connection of any process on the machine, such as a connection pool's link to PostgreSQL,
 * may take it as its local port and keep it for minutes: the container then never answers. Below the ephemeral
 * range only an explicit bind takes a port, so each test fork hands out its own block, in turn, after checking
 * that the port is free.
 */
public final class Ports {
    private static final int FIRST = 12_000;
    private static final int PER_FORK = 4_000;
    private static final int FORKS = 2;
    private static int next = (int) (System.nanoTime() % PER_FORK);
    private static final Path CLAIMS = Path.of("target", "ports").toAbsolutePath();
    private static final java.time.Duration STALE = java.time.Duration.ofHours(2);

    private Ports() {
    }

    /** A port free now, that no other test of this run is given and that no outgoing connection can take. */
    public static synchronized int free() {
        if (ephemeralStart() < FIRST + FORKS * PER_FORK) {
            return fromKernel();
        }
        int fork = Math.max(1, Integer.getInteger("entraide.fork", 1));
        int base = FIRST + ((fork - 1) % FORKS) * PER_FORK;
        for (int tried = 0; tried < PER_FORK; tried++) {
            int port = base + Math.floorMod(next++, PER_FORK);
            if (bindable(port) && reserve(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + base + " and " + (base + PER_FORK - 1));
    }

    /**
     * Claims the port for this run by creating its file under target/ports, which every test JVM of the run shares:
     * the forks' blocks alone did not keep a PAX Exam container of one fork and a Karaf of the other from being given
     * the same port (each checks that it is free long before its Karaf binds it). A claim older than two hours is a
     * past run's and may be taken again.
     */
    private static boolean reserve(int port) {
        Path claim = CLAIMS.resolve(Integer.toString(port));
        try {
            Files.createDirectories(CLAIMS);
            Files.createFile(claim);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
            try {
                if (Files.getLastModifiedTime(claim).toInstant().isBefore(java.time.Instant.now().minus(STALE))) {
                    Files.setLastModifiedTime(claim, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                    return true;
                }
                return false;
            } catch (IOException unreadable) {
                return false;
            }
        } catch (IOException cannotClaim) {
            return true; // no shared folder: the bind check alone, as before
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of /proc/sys/net/ipv4/ip_local_port_range, or 0 where it cannot be read. */
    private static int ephemeralStart() {
        // read as a stream: Files.readString trusts the size /proc reports and returns a truncated line
        try (var in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static int fromKernel() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
