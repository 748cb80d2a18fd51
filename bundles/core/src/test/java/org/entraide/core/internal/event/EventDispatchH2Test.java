package org.entraide.core.internal.event;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class EventDispatchH2Test extends EventDispatchScenarios {
    @Override
    DataSource newDataSource() {
        return TestDatabases.h2();
    }
}
