package org.entraide.web.internal;

class AccessMatrixH2Test extends AccessMatrixScenarios {
    AccessMatrixH2Test() {
        super(WebTestBase.Db.H2);
    }
}
