package org.entraide.web.internal;

class ConsolePostgresTest extends ConsoleScenarios {
    ConsolePostgresTest() {
        super(Db.POSTGRES);
    }
}
