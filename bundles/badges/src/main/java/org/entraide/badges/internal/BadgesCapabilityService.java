package org.entraide.badges.internal;

import org.entraide.api.plugin.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plugin's capability, listed while the plugin runs. */
@Component(service = Capability.class)
public class BadgesCapabilityService implements Capability {
    @Reference
    private BadgesComponent main;

    @Override
    public String name() {
        return main.badges().capability.name();
    }

    @Override
    public String description() {
        return main.badges().capability.description();
    }
}
