package org.entraide.web.internal;

class SsoPagePostgresTest extends SsoPageScenarios {
    SsoPagePostgresTest() {
        super(Db.POSTGRES);
    }
}
