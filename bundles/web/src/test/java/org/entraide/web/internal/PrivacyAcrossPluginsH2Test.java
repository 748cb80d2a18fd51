package org.entraide.web.internal;

class PrivacyAcrossPluginsH2Test extends PrivacyAcrossPluginsScenarios {
    PrivacyAcrossPluginsH2Test() {
        super(Db.H2);
    }
}
