package org.entraide.web.internal;

class KnowledgePagePostgresTest extends KnowledgePageScenarios {
    KnowledgePagePostgresTest() {
        super(Db.POSTGRES);
    }
}
