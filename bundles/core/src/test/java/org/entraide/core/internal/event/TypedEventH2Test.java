package org.entraide.core.internal.event;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class TypedEventH2Test extends TypedEventScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
