package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.CountingDataSource;
import org.entraide.core.internal.support.TestDatabases;

class ReadPathH2Test extends ReadPathScenarios {
    @Override
    protected DataSource database() {
        return new CountingDataSource(TestDatabases.h2());
    }
}
