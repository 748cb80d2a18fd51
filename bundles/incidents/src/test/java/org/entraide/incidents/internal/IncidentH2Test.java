package org.entraide.incidents.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class IncidentH2Test extends IncidentScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
