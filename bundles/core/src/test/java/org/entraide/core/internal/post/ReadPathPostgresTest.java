package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.CountingDataSource;
import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;

class ReadPathPostgresTest extends ReadPathScenarios {
    @Override
    protected DataSource database() {
        return new CountingDataSource(TestDatabases.postgres());
    }

    @AfterAll
    void dropDatabase() {
        TestDatabases.dropPostgres(((CountingDataSource) dataSource).inner);
    }
}
