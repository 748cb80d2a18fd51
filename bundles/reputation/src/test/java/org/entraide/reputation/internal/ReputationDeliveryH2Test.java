package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationDeliveryH2Test extends ReputationDeliveryScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
