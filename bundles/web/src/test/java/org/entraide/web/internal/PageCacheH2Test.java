package org.entraide.web.internal;

class PageCacheH2Test extends PageCacheScenarios {
    PageCacheH2Test() {
        super(Db.H2);
    }
}
