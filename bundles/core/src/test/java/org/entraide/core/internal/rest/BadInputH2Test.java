package org.entraide.core.internal.rest;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class BadInputH2Test extends BadInputScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
