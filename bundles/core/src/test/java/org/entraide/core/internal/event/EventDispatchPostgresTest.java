package org.entraide.core.internal.event;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class EventDispatchPostgresTest extends EventDispatchScenarios {
    @Override
    DataSource newDataSource() {
        return TestDatabases.postgres();
    }

    @Override
    void dropDataSource(DataSource ds) {
        TestDatabases.dropPostgres(ds);
    }
}
