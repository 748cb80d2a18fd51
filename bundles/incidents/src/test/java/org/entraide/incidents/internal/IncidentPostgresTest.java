package org.entraide.incidents.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class IncidentPostgresTest extends IncidentScenarios {
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
