package org.entraide.web.internal;

class OpenApiFuzzPostgresTest extends OpenApiFuzzScenarios {
    OpenApiFuzzPostgresTest() {
        super(WebTestBase.Db.POSTGRES);
    }
}
