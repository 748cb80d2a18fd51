package org.entraide.reputation.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's capability, listed while the plugin runs. */
@Component(service = Capability.class)
public class ReputationCapabilityService implements Capability {
    @Reference
    private ReputationComponent main;

    @Override
    public String name() {
        return main.reputation().capability.name();
    }

    @Override
    public String description() {
        return main.reputation().capability.description();
    }
}
