package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.entraide.jdbc.Sql;

class KeysetPagingH2Test extends KeysetPagingScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }

    @Override
    protected String plan(String sql) {
        java.util.List<String> lines = server.core.db.inTransaction(c -> Sql.list(c, "EXPLAIN " + sql, rs -> rs.getString(1)));
        return String.join("\n", lines);
    }

    /** H2 reads the brand's complaints from the cursor on and keeps the store's: a range too, if a wider one. */
    @Override
    protected java.util.List<String> storeIndexes() {
        return java.util.List.of("post_store_list_ix", "post_list_recent_ix");
    }
}
