package org.entraide.knowledge.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class KnowledgePostgresTest extends KnowledgeScenarios {
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
