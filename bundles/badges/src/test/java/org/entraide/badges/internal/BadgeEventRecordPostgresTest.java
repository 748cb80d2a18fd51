package org.entraide.badges.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class BadgeEventRecordPostgresTest extends BadgeEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(dataSource);
    }
}
