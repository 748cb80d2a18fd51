package org.entraide.localmanagers.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class LocalManagersPostgresTest extends LocalManagerScenarios {
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
