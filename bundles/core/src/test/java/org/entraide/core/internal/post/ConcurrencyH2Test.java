package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ConcurrencyH2Test extends ConcurrencyScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
