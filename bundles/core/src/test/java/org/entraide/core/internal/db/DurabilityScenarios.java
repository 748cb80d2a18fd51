package org.entraide.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.entraide.core.internal.support.Community;
import org.entraide.core.internal.support.Community.Member;
import org.entraide.core.internal.support.Http;
import org.entraide.core.internal.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.entraide.jdbc.Sql;

/** A write acknowledged to a client survives a kill -9 of the JVM that acknowledged it. */
public abstract class DurabilityScenarios {
    /** The JDBC URL of an empty database, configured as the product configures it. */
    protected abstract String jdbcUrl();

    @Test
    void anAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        String url = jdbcUrl();
        String title = "Written just before the crash";
        try (ServerProcess process = ServerProcess.start(url)) {
            Community community = new Community(new Http(process.base));
            Member member = community.join("demo");
            Http.Response asked = community.ask(member, "demo", title, "Is it still there?", null, List.of());
            assertEquals(201, asked.status(), "the write is acknowledged: " + asked);
            process.kill();
        }
        Database db = new Database(ServerProcess.dataSource(url));
        long found = db.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM post WHERE title = ?", title));
        assertEquals(1, found, "the acknowledged question is in the database after kill -9");
    }
}
