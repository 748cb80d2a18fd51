package org.entraide.web.internal;

class KnowledgePageH2Test extends KnowledgePageScenarios {
    KnowledgePageH2Test() {
        super(Db.H2);
    }
}
