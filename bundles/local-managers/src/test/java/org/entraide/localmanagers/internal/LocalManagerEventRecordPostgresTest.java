package org.entraide.localmanagers.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class LocalManagerEventRecordPostgresTest extends LocalManagerEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(dataSource);
    }
}
