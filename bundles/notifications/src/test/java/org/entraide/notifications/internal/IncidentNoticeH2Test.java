package org.entraide.notifications.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class IncidentNoticeH2Test extends IncidentNoticeScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
