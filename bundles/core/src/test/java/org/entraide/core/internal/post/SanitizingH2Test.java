package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class SanitizingH2Test extends SanitizingScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
