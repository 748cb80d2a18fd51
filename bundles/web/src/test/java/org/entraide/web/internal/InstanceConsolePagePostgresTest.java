package org.entraide.web.internal;

class InstanceConsolePagePostgresTest extends InstanceConsolePageScenarios {
    InstanceConsolePagePostgresTest() {
        super(Db.POSTGRES);
    }
}
