package org.entraide.core.internal.apikey;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ApiKeyH2Test extends ApiKeyScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
