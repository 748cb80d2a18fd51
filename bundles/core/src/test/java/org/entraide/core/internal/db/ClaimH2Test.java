package org.entraide.core.internal.db;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ClaimH2Test extends ClaimScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
