package org.entraide.web.internal;

class PluginOpenApiH2Test extends PluginOpenApiScenarios {
    PluginOpenApiH2Test() {
        super(Db.H2);
    }
}
