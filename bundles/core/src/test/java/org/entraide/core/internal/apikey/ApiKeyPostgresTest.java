package org.entraide.core.internal.apikey;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class ApiKeyPostgresTest extends ApiKeyScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(dataSource);
    }
}
