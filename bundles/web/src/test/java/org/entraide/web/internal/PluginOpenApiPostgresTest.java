package org.entraide.web.internal;

class PluginOpenApiPostgresTest extends PluginOpenApiScenarios {
    PluginOpenApiPostgresTest() {
        super(Db.POSTGRES);
    }
}
