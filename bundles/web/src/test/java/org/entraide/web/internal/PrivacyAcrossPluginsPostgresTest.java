package org.entraide.web.internal;

class PrivacyAcrossPluginsPostgresTest extends PrivacyAcrossPluginsScenarios {
    PrivacyAcrossPluginsPostgresTest() {
        super(Db.POSTGRES);
    }
}
