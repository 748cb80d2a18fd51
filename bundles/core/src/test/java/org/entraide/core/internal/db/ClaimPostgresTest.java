package org.entraide.core.internal.db;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ClaimPostgresTest extends ClaimScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }

    @Override
    void dropDatabase() {
        TestDatabases.dropPostgres(ds);
    }
}
