package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationAntiGamingH2Test extends ReputationAntiGamingScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
