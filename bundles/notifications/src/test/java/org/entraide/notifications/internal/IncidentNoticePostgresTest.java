package org.entraide.notifications.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class IncidentNoticePostgresTest extends IncidentNoticeScenarios {
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
