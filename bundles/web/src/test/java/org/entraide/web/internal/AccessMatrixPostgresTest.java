package org.entraide.web.internal;

class AccessMatrixPostgresTest extends AccessMatrixScenarios {
    AccessMatrixPostgresTest() {
        super(WebTestBase.Db.POSTGRES);
    }
}
