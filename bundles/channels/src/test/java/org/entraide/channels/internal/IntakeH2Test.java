package org.entraide.channels.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class IntakeH2Test extends IntakeScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
