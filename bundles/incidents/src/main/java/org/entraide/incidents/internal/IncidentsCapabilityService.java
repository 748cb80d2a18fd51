package org.entraide.incidents.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's capability, listed while the plugin runs. */
@Component(service = Capability.class)
public class IncidentsCapabilityService implements Capability {
    @Reference
    private IncidentsComponent main;

    @Override
    public String name() {
        return main.incidents().capability.name();
    }

    @Override
    public String description() {
        return main.incidents().capability.description();
    }
}
