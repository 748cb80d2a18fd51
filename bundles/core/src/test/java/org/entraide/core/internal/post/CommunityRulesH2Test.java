package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class CommunityRulesH2Test extends CommunityRulesScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
