package org.entraide.badges.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class BadgeApiPostgresTest extends BadgeApiScenarios {
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
