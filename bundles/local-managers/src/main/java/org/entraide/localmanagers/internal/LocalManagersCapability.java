package org.entraide.localmanagers.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's capability, listed while the plugin runs. */
@Component(service = Capability.class)
public class LocalManagersCapability implements Capability {
    @Reference
    private LocalManagersComponent main;

    @Override
    public String name() {
        return main.plugin().capability.name();
    }

    @Override
    public String description() {
        return main.plugin().capability.description();
    }
}
