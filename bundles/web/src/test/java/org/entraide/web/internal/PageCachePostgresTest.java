package org.entraide.web.internal;

class PageCachePostgresTest extends PageCacheScenarios {
    PageCachePostgresTest() {
        super(Db.POSTGRES);
    }
}
