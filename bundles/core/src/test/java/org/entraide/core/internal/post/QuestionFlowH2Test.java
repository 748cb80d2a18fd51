package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class QuestionFlowH2Test extends QuestionFlowScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
