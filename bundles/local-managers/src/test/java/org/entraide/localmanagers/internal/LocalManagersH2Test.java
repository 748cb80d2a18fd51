package org.entraide.localmanagers.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class LocalManagersH2Test extends LocalManagerScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
