package org.entraide.web.internal;

class SearchPagePostgresTest extends SearchPageScenarios {
    SearchPagePostgresTest() {
        super(Db.POSTGRES);
    }
}
