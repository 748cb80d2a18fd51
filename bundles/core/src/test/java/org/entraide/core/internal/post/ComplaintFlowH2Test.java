package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class ComplaintFlowH2Test extends ComplaintFlowScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
