package org.entraide.webhooks.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class WebhookH2Test extends WebhookScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
