package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class ReputationEventRecordPostgresTest extends ReputationEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(dataSource);
    }
}
