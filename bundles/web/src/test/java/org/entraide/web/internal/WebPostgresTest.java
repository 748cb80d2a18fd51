package org.entraide.web.internal;

class WebPostgresTest extends WebScenarios {
    WebPostgresTest() {
        super(Db.POSTGRES);
    }
}
