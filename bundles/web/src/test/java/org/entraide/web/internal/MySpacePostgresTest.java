package org.entraide.web.internal;

class MySpacePostgresTest extends MySpaceScenarios {
    MySpacePostgresTest() {
        super(Db.POSTGRES);
    }
}
