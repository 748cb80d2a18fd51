package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationApiH2Test extends ReputationApiScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
