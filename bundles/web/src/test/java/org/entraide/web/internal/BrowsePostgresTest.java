package org.entraide.web.internal;

class BrowsePostgresTest extends BrowseScenarios {
    BrowsePostgresTest() {
        super(Db.POSTGRES);
    }
}
