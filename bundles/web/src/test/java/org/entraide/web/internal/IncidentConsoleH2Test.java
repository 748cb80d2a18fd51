package org.entraide.web.internal;

class IncidentConsoleH2Test extends IncidentConsoleScenarios {
    IncidentConsoleH2Test() {
        super(Db.H2);
    }
}
