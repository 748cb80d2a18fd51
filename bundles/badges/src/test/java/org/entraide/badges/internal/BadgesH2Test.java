package org.entraide.badges.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class BadgesH2Test extends BadgeScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
