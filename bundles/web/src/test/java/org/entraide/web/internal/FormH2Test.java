package org.entraide.web.internal;

class FormH2Test extends FormScenarios {
    FormH2Test() {
        super(Db.H2);
    }
}
