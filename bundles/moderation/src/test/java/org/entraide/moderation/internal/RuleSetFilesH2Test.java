package org.entraide.moderation.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class RuleSetFilesH2Test extends RuleSetFilesScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
