package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationRecomputeH2Test extends ReputationRecomputeScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
