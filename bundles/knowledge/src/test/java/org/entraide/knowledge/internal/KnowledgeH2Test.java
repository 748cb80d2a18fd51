package org.entraide.knowledge.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class KnowledgeH2Test extends KnowledgeScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
