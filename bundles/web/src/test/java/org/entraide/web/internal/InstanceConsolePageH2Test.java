package org.entraide.web.internal;

class InstanceConsolePageH2Test extends InstanceConsolePageScenarios {
    InstanceConsolePageH2Test() {
        super(Db.H2);
    }
}
