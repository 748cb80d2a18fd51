package org.entraide.web.internal;

class ConsoleH2Test extends ConsoleScenarios {
    ConsoleH2Test() {
        super(Db.H2);
    }
}
