package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class CommentH2Test extends CommentScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
