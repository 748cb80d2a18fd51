package org.entraide.web.internal;

class MySpaceH2Test extends MySpaceScenarios {
    MySpaceH2Test() {
        super(Db.H2);
    }
}
