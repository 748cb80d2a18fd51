package org.entraide.notifications.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ReplyByEmailH2Test extends ReplyByEmailScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
