package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ComplaintPrivacyH2Test extends ComplaintPrivacyScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
