package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationModerationH2Test extends ReputationModerationScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
