package org.entraide.web.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class WebH2Test extends WebScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
