package org.entraide.core.internal.event;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class DomainEventH2Test extends DomainEventScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
