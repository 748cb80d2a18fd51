package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.entraide.jdbc.Sql;
import org.junit.jupiter.api.AfterAll;

class KeysetPagingPostgresTest extends KeysetPagingScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }

    @Override
    protected String plan(String sql) {
        return server.core.db.inTransaction(c -> {
            // a test table is small enough for a sequential scan to win: the plan that a large table gets is wanted
            Sql.update(c, "SET LOCAL enable_seqscan = off");
            return String.join("\n", Sql.list(c, "EXPLAIN " + sql, rs -> rs.getString(1)));
        });
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(dataSource);
    }

    @Override
    protected java.util.List<String> storeIndexes() {
        return java.util.List.of("post_store_list_ix");
    }
}
