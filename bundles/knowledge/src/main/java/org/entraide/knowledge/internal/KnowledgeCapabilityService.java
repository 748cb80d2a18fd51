package org.entraide.knowledge.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's capability, listed while the plugin runs. */
@Component(service = Capability.class)
public class KnowledgeCapabilityService implements Capability {
    @Reference
    private KnowledgeComponent main;

    @Override
    public String name() {
        return main.plugin().capability.name();
    }

    @Override
    public String description() {
        return main.plugin().capability.description();
    }
}
