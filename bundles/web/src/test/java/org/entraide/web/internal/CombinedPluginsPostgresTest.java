package org.entraide.web.internal;

class CombinedPluginsPostgresTest extends CombinedPluginsScenarios {
    CombinedPluginsPostgresTest() {
        super(Db.POSTGRES);
    }
}
