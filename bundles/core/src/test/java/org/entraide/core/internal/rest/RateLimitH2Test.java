package org.entraide.core.internal.rest;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class RateLimitH2Test extends RateLimitScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
