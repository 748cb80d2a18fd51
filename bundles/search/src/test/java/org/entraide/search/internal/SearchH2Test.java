package org.entraide.search.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class SearchH2Test extends SearchScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
