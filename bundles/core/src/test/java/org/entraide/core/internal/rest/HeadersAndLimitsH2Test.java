package org.entraide.core.internal.rest;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class HeadersAndLimitsH2Test extends HeadersAndLimitsScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
