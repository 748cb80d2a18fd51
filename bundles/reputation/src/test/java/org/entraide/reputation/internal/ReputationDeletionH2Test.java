package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationDeletionH2Test extends ReputationDeletionScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
