package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class PostEditH2Test extends PostEditScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
