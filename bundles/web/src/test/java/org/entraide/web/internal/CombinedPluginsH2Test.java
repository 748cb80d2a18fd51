package org.entraide.web.internal;

class CombinedPluginsH2Test extends CombinedPluginsScenarios {
    CombinedPluginsH2Test() {
        super(Db.H2);
    }
}
