package org.entraide.core.internal.platform;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class PlatformH2Test extends PlatformScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
