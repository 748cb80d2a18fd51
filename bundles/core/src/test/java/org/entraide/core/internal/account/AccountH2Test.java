package org.entraide.core.internal.account;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class AccountH2Test extends AccountScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
