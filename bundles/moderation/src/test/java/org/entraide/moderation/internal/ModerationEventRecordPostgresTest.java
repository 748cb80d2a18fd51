package org.entraide.moderation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class ModerationEventRecordPostgresTest extends ModerationEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(dataSource);
    }
}
