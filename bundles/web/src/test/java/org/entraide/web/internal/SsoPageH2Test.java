package org.entraide.web.internal;

class SsoPageH2Test extends SsoPageScenarios {
    SsoPageH2Test() {
        super(Db.H2);
    }
}
