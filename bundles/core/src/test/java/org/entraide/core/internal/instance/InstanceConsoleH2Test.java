package org.entraide.core.internal.instance;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class InstanceConsoleH2Test extends InstanceConsoleScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
