package org.entraide.knowledge.internal;

import javax.sql.DataSource;

import org.entraide.core.internal.support.TestDatabases;

class KnowledgeSearchH2Test extends KnowledgeSearchScenarios {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
