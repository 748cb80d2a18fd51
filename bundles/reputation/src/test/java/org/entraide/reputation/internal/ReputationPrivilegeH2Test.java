package org.entraide.reputation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReputationPrivilegeH2Test extends ReputationPrivilegeScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
