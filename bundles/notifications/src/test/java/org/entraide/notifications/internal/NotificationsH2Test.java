package org.entraide.notifications.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class NotificationsH2Test extends NotificationScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
