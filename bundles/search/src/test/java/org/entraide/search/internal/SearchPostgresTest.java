package org.entraide.search.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class SearchPostgresTest extends SearchScenarios {
    private DataSource ds;

    @Override
    DataSource dataSource() {
        ds = TestDatabases.postgres();
        return ds;
    }

    @Override
    void dropDatabase() {
        TestDatabases.dropPostgres(ds);
    }
}
