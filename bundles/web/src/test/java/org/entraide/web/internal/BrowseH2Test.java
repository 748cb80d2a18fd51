package org.entraide.web.internal;

class BrowseH2Test extends BrowseScenarios {
    BrowseH2Test() {
        super(Db.H2);
    }
}
