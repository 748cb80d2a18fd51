package org.entraide.localmanagers.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class LocalManagerEventRecordH2Test extends LocalManagerEventRecordScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
