package org.entraide.web.internal;

class WebH2Test extends WebScenarios {
    WebH2Test() {
        super(Db.H2);
    }
}
