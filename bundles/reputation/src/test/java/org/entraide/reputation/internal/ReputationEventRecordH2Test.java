package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationEventRecordH2Test extends ReputationEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
