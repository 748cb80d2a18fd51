package org.entraide.core.internal.privacy;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class PrivacyH2Test extends PrivacyScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
