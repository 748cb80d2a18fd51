package org.entraide.moderation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ModerationH2Test extends ModerationScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
