package org.entraide.web.internal;

class SearchPageH2Test extends SearchPageScenarios {
    SearchPageH2Test() {
        super(Db.H2);
    }
}
