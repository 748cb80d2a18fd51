package org.entraide.web.internal;

class IncidentConsolePostgresTest extends IncidentConsoleScenarios {
    IncidentConsolePostgresTest() {
        super(Db.POSTGRES);
    }
}
