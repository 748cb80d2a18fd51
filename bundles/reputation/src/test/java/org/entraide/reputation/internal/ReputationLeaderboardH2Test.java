package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationLeaderboardH2Test extends ReputationLeaderboardScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
