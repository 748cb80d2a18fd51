package org.entraide.core.internal.plugin;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class PluginSpiH2Test extends PluginSpiScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
