package org.entraide.core.internal.user;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class AuthH2Test extends AuthScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
