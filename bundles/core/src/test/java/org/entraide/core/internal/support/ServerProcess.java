package org.entraide.core.internal.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.demo.DemoSeeder;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The API in a JVM of its own, over the database of a JDBC URL, so that a test can kill it with SIGKILL.
 * {@link #main} is what runs in that JVM: it prints the port, then serves until it is killed.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    public final String base;

    private ServerProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    public static ServerProcess start(String jdbcUrl) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A short-lived JVM: the quick compiler and the simplest collector start it fastest.
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            ServerProcess.class.getName(), jdbcUrl))
            .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> port = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("PORT ")) {
                        return line.substring(5).strip();
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("the server process ended before listening:\n" + seen);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return new ServerProcess(p, "http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    public static DataSource dataSource(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            h2.setUser("sa");
            return h2;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(jdbcUrl);
        return pg;
    }

    public static void main(String[] args) throws Exception {
        // Pooled as in Karaf: without an open connection, H2 would close and reopen the file for every transaction.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource(args[0]));
        pool.setMaximumPoolSize(8);
        TestServer server = new TestServer(new HikariDataSource(pool));
        new DemoSeeder(server.core).seedIfAbsent();
        System.out.println("PORT " + server.port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
