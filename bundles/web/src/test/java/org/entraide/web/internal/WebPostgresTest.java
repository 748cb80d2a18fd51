package org.entraide.web.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class WebPostgresTest extends WebScenarios {
    private DataSource ds;

    @Override
    DataSource dataSource() {
        ds = TestDatabases.postgres();
        return ds;
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.dropPostgres(ds);
    }
}
