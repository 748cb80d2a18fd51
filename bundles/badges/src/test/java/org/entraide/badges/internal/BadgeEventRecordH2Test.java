package org.entraide.badges.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class BadgeEventRecordH2Test extends BadgeEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
