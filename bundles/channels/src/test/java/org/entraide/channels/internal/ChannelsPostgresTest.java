package org.entraide.channels.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ChannelsPostgresTest extends ChannelsScenarios {
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
