package org.entraide.web.internal;

class OpenApiFuzzH2Test extends OpenApiFuzzScenarios {
    OpenApiFuzzH2Test() {
        super(WebTestBase.Db.H2);
    }
}
