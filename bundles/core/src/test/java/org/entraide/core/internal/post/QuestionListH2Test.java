package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class QuestionListH2Test extends QuestionListScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
