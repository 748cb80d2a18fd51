package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class CommunityRulesPostgresTest extends CommunityRulesScenarios {
    private DataSource ds;

    @Override
    DataSource dataSource() {
        if (ds == null) {
            ds = TestDatabases.postgres();
        }
        return ds;
    }

    @Override
    void dropDatabase() {
        TestDatabases.dropPostgres(ds);
        ds = null;
    }
}
