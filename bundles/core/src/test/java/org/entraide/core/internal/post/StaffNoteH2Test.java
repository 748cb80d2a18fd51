package org.entraide.core.internal.post;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class StaffNoteH2Test extends StaffNoteScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
