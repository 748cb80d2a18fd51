package org.entraide.core.internal.sso;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class SingleSignOnH2Test extends SingleSignOnScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
