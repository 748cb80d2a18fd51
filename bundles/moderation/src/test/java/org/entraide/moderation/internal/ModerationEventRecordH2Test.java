package org.entraide.moderation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ModerationEventRecordH2Test extends ModerationEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
