package org.entraide.webhooks.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class WebhookPostgresTest extends WebhookScenarios {
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
