package org.entraide.core.internal.plugin;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class PluginSpiPostgresTest extends PluginSpiScenarios {
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
