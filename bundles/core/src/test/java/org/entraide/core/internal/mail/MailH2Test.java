package org.entraide.core.internal.mail;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class MailH2Test extends MailScenarios {
    @Override
    protected DataSource database() {
        return TestDatabases.h2();
    }
}
