package org.entraide.core.internal.ops;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class HealthH2Test extends HealthScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
