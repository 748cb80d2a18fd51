package org.entraide.web.internal;

class FormPostgresTest extends FormScenarios {
    FormPostgresTest() {
        super(Db.POSTGRES);
    }
}
