package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationLedgerH2Test extends ReputationLedgerScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
