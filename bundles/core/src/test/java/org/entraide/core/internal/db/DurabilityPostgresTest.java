package org.entraide.core.internal.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

class DurabilityPostgresTest extends DurabilityScenarios {
    private DataSource database;

    @Override
    protected String jdbcUrl() {
        database = TestDatabases.postgres();
        return ((PGSimpleDataSource) ((HikariDataSource) database).getDataSource()).getURL();
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.dropPostgres(database);
    }
}
