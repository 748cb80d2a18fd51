package org.entraide.core.internal.brand;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class MultiBrandH2Test extends MultiBrandScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
