package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationPrivacyH2Test extends ReputationPrivacyScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
