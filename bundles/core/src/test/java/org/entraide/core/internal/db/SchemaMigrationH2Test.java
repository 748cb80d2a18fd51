package org.entraide.core.internal.db;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class SchemaMigrationH2Test extends SchemaMigrationScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
