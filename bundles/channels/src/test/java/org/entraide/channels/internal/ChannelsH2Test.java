package org.entraide.channels.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ChannelsH2Test extends ChannelsScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
