package org.entraide.moderation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class RuleSetFilesPostgresTest extends RuleSetFilesScenarios {
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
