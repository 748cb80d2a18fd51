package org.entraide.core.internal.draft;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class DraftPostgresTest extends DraftScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.postgres();
    }
}
