package org.entraide.badges.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class BadgeApiH2Test extends BadgeApiScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
