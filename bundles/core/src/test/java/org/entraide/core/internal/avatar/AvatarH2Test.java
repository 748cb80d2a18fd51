package org.entraide.core.internal.avatar;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class AvatarH2Test extends AvatarScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
